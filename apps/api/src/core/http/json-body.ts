import type { IncomingMessage } from 'node:http';
import { AppException, ErrorCode } from '../errors/error-codes';

/** The largest JSON body accepted: a dataset import legitimately sends a few MB. */
export const MAX_JSON_BODY = '20mb';
/**
 * The deepest nesting of arrays and objects a JSON body may have. The deepest legitimate body, a
 * dataset file, nests 5 levels; a hostile one nested 10,000 deep blew the stack of whatever walked
 * it after parsing (class-transformer, the validators) and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text (UTF-8 bytes) nests arrays and objects deeper than `limit`, counted outside
 * strings. It reads the raw text, before anything recursive has seen it; malformed text is left to
 * the parser (which answers MALFORMED_JSON). UTF-8 continuation bytes are never ASCII, so a byte
 * scan cannot mistake part of a character for a bracket or a quote.
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++; // the escaped character, whatever it is
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * An error body-parser's `verify` throws to refuse a body before parsing it: an http-error (status
 * 400, so Express and Nest treat it as the client's fault) carrying the application's answer, which
 * the global filter sends (AllExceptionsFilter).
 */
export class RejectedBody extends Error {
  status = 400;
  statusCode = 400;
  expose = true;

  constructor(readonly answer: AppException) {
    super(answer.message);
    this.name = 'RejectedBody';
  }
}

/** The options of the JSON body parser: the size limit, and the depth checked on the raw text before JSON.parse. */
export function jsonBodyParserOptions(): { limit: string; verify: (req: IncomingMessage, res: unknown, buffer: Buffer, encoding: string) => void } {
  return {
    limit: MAX_JSON_BODY,
    verify: (_req, _res, buffer, encoding) => {
      const bytes = /^utf-?8$/i.test(encoding) ? buffer : Buffer.from(new TextDecoder(encoding).decode(buffer), 'utf8');
      if (jsonNestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
        throw new RejectedBody(
          new AppException(
            ErrorCode.BODY_TOO_DEEP,
            `请求内容的层级过深（数组和对象最多嵌套 ${MAX_JSON_DEPTH} 层）/ JSON body nested deeper than ${MAX_JSON_DEPTH} levels`,
          ),
        );
      }
    },
  };
}
