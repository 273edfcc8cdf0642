/**
 * What a user reads of an error: Chinese only. Messages are written "中文 / English gloss" so that the
 * logs stay readable to every developer; the gloss is split off here, once, and goes to the logs only.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

export interface UserMessage {
  /** Sent to the user (the API's `message`, a job's error): Chinese only. */
  readonly chinese: string;
  /** The English gloss, for the logs; null when the message had none. */
  readonly english: string | null;
}

/**
 * Splits "中文 / English" at its last " / " whose tail is English (Latin letters, no Chinese); a message
 * without such a tail is Chinese already. A message with no Chinese at all (a library's English) is
 * not shown to the user: `fallback` is, and the English goes to the logs.
 */
export function splitUserMessage(message: string, fallback: string): UserMessage {
  const text = message.trim();
  for (let at = text.lastIndexOf('/'); at > 0; at = text.lastIndexOf('/', at - 1)) {
    if (!/\s/.test(text[at + 1] ?? '')) continue; // "dataset/v1", "元/人" are no separators
    const tail = text.slice(at + 1).trim();
    if (CJK.test(tail) || !LATIN.test(tail)) break; // the last " / " decides: Chinese after it is no gloss
    const head = text.slice(0, at).trim();
    return CJK.test(head) ? { chinese: head, english: tail } : { chinese: fallback, english: text };
  }
  return CJK.test(text) ? { chinese: text, english: null } : { chinese: fallback, english: text === '' ? null : text };
}
