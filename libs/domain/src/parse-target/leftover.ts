/**
 * The words around a date or a count (日期周围的文字): openers (不晚于, 截至) and completion verbs
 * (完成, 拨付到位) change nothing; a start word (起, 以后) makes the date a start, not a deadline;
 * other short words are dropped with a warning; long text leaves the target unread.
 */

/** Most text (in characters) that may be dropped around a number or date before the target is left qualitative. */
export const MAX_DROPPED_CHARS = 8;

export const NUMBER = String.raw`\d+(?:\.\d+)?`;
/** 前: before. */
export const BEFORE = '(?:之前|以前|前)';
/** Completion verbs that may follow a deadline without changing it (12月底前完成). */
export const DONE_VERBS =
  '(?:完成|办结|到位|拨付|支付|发放|下达|落实|结束|完工|兑付|上报|报送|办理|实施|验收|结算|开展|启动|交付|提交|使用|执行|安排|缴纳|缴费|申报)(?:完毕)?';
/** Words that may open a deadline without changing it (不晚于 12 月底). */
const DEADLINE_OPENERS = /^(?:不晚于|不迟于|最迟于?|最晚于?|截至|截止到?|截止于|须在|需在|应在|要在|确保|力争|争取|每年|于|在)+/;
/** Words that make a date a start, not a deadline (12月底后, 10月起). */
const AFTER_WORDS = /^(?:之后|以后|后|起|开始)/;

/** Only completion verbs after a date (完成, 拨付到位): nothing dropped. */
const DONE_ONLY = new RegExp(`^(?:内|止)?(?:按时|及时|全部|足额)?(?:${DONE_VERBS})*$`);

export interface Located {
  match: RegExpMatchArray;
  before: string;
  after: string;
}

/** Finds `pattern` in `text` and returns what is left on each side. */
export function locate(text: string, pattern: RegExp): Located | undefined {
  const match = pattern.exec(text);
  if (match === null) return undefined;
  const start = match.index;
  return { match, before: text.slice(0, start), after: text.slice(start + match[0].length) };
}

export type LeftoverVerdict = { ok: true; dropped: string } | { ok: false; reason: 'digits' | 'after' | 'long' };

/** Judges the text around a date: completion verbs and openers are fine, other words are dropped with a warning. */
export function judgeLeftover(before: string, afterText: string): LeftoverVerdict {
  // 12月底前完成100%, 资金拨付率100%: all of it by the date, nothing more to read
  const after = afterText.replace(/^((?:全部|足额)?(?:完成|到位|拨付|支付|发放|办结|兑付))率?(?:达到?|为|=|≥)?100%$/, '$1');
  if (/\d/.test(before + after)) return { ok: false, reason: 'digits' };
  if (AFTER_WORDS.test(after)) return { ok: false, reason: 'after' };
  const opener = before.replace(DEADLINE_OPENERS, '');
  const closer = after.replace(DONE_ONLY, '');
  const dropped = opener + closer;
  if (dropped.length > MAX_DROPPED_CHARS) return { ok: false, reason: 'long' };
  return { ok: true, dropped };
}
