import type { NextFunction, Request, Response } from 'express';
import { AppException, ErrorCode } from '../errors/error-codes';

/** What is wrong with a text: a NUL (PostgreSQL refuses it in text) or half of a UTF-16 surrogate pair. */
export type TextProblem = 'nul' | 'surrogate';

export interface InvalidText {
  /** Where, as a reader writes it: `indicators[3].name`; a bad key is named by its own path. */
  field: string;
  problem: TextProblem;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function textProblem(text: string): TextProblem | null {
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'surrogate' : null;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`; // JSON.stringify escapes NULs and lone surrogates
}

/**
 * The first text in a parsed body or query — every string value and every key, at any depth — that
 * holds a NUL or an unpaired surrogate; null when all is clean. Walks with its own stack (no
 * recursion), so no input can exhaust the call stack.
 */
export function findInvalidText(value: unknown, root = ''): InvalidText | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { field: path === '' ? '（请求内容）' : path, problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: childPath(path, i) });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const problem = textProblem(key);
        if (problem) return { field: childPath(path, key), problem };
        stack.push({ value: child, path: childPath(path, key) });
      }
    }
  }
  return null;
}

const PROBLEM_TEXT: Record<TextProblem, string> = {
  nul: '含有空字符（\\u0000），请删除后重试',
  surrogate: '含有无法识别的字符（不成对的 UTF-16 代理项），请重新输入该内容',
};

/** The answer to a request carrying invalid text: 400 INVALID_CHARACTERS naming the field. */
export function invalidCharacters(found: InvalidText, where: 'body' | 'query'): AppException {
  const field = where === 'query' ? `查询参数 ${found.field}` : found.field;
  return new AppException(
    ErrorCode.INVALID_CHARACTERS,
    `请求内容有误：${field} ${PROBLEM_TEXT[found.problem]} / ${found.problem === 'nul' ? 'NUL character' : 'unpaired UTF-16 surrogate'} in the ${where}`,
    [{ field: found.field, problems: [PROBLEM_TEXT[found.problem]] }],
  );
}

/**
 * Global middleware (after the JSON parser): a NUL or an unpaired surrogate anywhere in the body or
 * the query string is refused before any controller, validator or query sees it. PostgreSQL
 * refuses NUL in text (a 500 before), and a lone surrogate would be stored altered.
 */
export function rejectInvalidText(req: Request, _res: Response, next: NextFunction): void {
  const inQuery = findInvalidText(req.query);
  if (inQuery) return next(invalidCharacters(inQuery, 'query'));
  const inBody = findInvalidText(req.body);
  if (inBody) return next(invalidCharacters(inBody, 'body'));
  next();
}
