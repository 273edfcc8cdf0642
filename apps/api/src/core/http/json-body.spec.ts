import { AppException } from '../errors/error-codes';
import { jsonBodyParserOptions, jsonNestsDeeperThan, MAX_JSON_DEPTH, RejectedBody } from './json-body';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects alike, up to the limit and past it', () => {
    expect(jsonNestsDeeperThan(bytes(nested(3)), 3)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(nested(4)), 3)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":{"b":[{"c":[1]}]}}'), 4)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('[[1],[2],[3],{"x":4}]'), 2)).toBe(false); // siblings do not add up
  });

  it('ignores brackets inside strings, escaped quotes and backslashes included', () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: '[[[[[[{{{{' })), 2)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: '\\"[[[[[', b: '\\', c: '"{{{{' })), 2)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: '\\', b: [[[1]]] })), 3)).toBe(true);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ 名称: '【汉阴】[中文]', b: ['é', '😀'] })), 2)).toBe(false);
  });

  it('scans 10,000 levels and 20 MB without recursion', () => {
    expect(jsonNestsDeeperThan(bytes(nested(10_000)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: 'x'.repeat(20_000_000) })), MAX_JSON_DEPTH)).toBe(false);
  });
});

describe('jsonBodyParserOptions', () => {
  it('refuses a body nested too deep with BODY_TOO_DEEP (an http-error of status 400 for Express), also in UTF-16', () => {
    const { verify, limit } = jsonBodyParserOptions();
    expect(limit).toBe('20mb');
    const refusal = (buffer: Buffer, encoding: string): unknown => {
      try {
        verify({} as never, {}, buffer, encoding);
        return null;
      } catch (error) {
        return error;
      }
    };
    const deep = refusal(bytes(`{"a":${nested(40)}}`), 'utf-8') as RejectedBody;
    expect(deep).toBeInstanceOf(RejectedBody);
    expect({ status: deep.status, statusCode: deep.statusCode, expose: deep.expose }).toEqual({ status: 400, statusCode: 400, expose: true });
    expect(deep.answer).toBeInstanceOf(AppException);
    expect(deep.answer.code).toBe('BODY_TOO_DEEP');
    expect(deep.answer.userMessage).toBe('请求内容的层级过深（数组和对象最多嵌套 32 层）');
    expect(refusal(bytes(`{"a":${nested(31)}}`), 'utf-8')).toBeNull();
    expect(refusal(Buffer.from(`{"a":${nested(40)}}`, 'utf16le'), 'utf-16le')).toBeInstanceOf(RejectedBody);
  });
});
