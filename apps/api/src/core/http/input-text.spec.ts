import type { NextFunction, Request, Response } from 'express';
import { AppException } from '../errors/error-codes';
import { findInvalidText, invalidCharacters, rejectInvalidText, textProblem } from './input-text';

describe('textProblem', () => {
  it('finds a NUL and an unpaired surrogate, and accepts paired ones', () => {
    expect(textProblem('汉阴县医疗保障局')).toBeNull();
    expect(textProblem('emoji 😀 paired')).toBeNull();
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('high \uD83D alone')).toBe('surrogate');
    expect(textProblem('low \uDE00 alone')).toBe('surrogate');
    expect(textProblem('\uDE00\uD83D')).toBe('surrogate'); // reversed pair
    expect(textProblem('end \uD83D')).toBe('surrogate');
  });
});

describe('findInvalidText', () => {
  it('names the path of the first bad text as a reader writes it', () => {
    expect(findInvalidText({ goals: ['ok'], indicators: [{}, {}, {}, { name: 'x\u0000' }] })).toEqual({ field: 'indicators[3].name', problem: 'nul' });
    expect(findInvalidText({ a: { 'weird key': ['\uD800'] } })).toEqual({ field: 'a["weird key"][0]', problem: 'surrogate' });
    expect(findInvalidText({ ['k\u0000']: 1 })).toEqual({ field: '["k\\u0000"]', problem: 'nul' });
    expect(findInvalidText('\u0000')).toEqual({ field: '（请求内容）', problem: 'nul' });
    expect(findInvalidText({ a: [1, true, null, { b: '正常' }] })).toBeNull();
    expect(findInvalidText(undefined)).toBeNull();
  });

  it('walks 100,000 levels without recursion', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInvalidText(deep)?.problem).toBe('nul');
  });
});

describe('rejectInvalidText', () => {
  const run = (req: Partial<Request>): unknown => {
    let passed: unknown = 'not called';
    rejectInvalidText(req as Request, {} as Response, ((error?: unknown) => (passed = error)) as NextFunction);
    return passed;
  };

  it('answers 400 INVALID_CHARACTERS naming the field, in Chinese, for the body and the query', () => {
    const body = run({ query: {}, body: { username: 'admin\u0000' } }) as AppException;
    expect(body).toBeInstanceOf(AppException);
    expect({ code: body.code, status: body.status }).toEqual({ code: 'INVALID_CHARACTERS', status: 400 });
    expect(body.userMessage).toBe('请求内容有误：username 含有空字符（\\u0000），请删除后重试');
    expect(body.details).toEqual([{ field: 'username', problems: ['含有空字符（\\u0000），请删除后重试'] }]);
    const query = run({ query: { q: 'a\uDC00' }, body: {} }) as AppException;
    expect(query.userMessage).toBe('请求内容有误：查询参数 q 含有无法识别的字符（不成对的 UTF-16 代理项），请重新输入该内容');
    expect(run({ query: { q: '汉阴' }, body: { name: '正常' } })).toBeUndefined();
  });

  it('keeps the English gloss for the logs only', () => {
    expect(invalidCharacters({ field: '名称', problem: 'nul' }, 'body').detail).toBe('NUL character in the body');
  });
});
