import { ArgumentsHost, BadRequestException, HttpException, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import { RejectedBody } from '../http/json-body';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppException, ErrorCode } from './error-codes';
import { createValidationPipe } from './validation.pipe';

const CJK = /[\u4e00-\u9fff]/;

/** Runs the filter on one exception; returns the status and body sent, and what was logged. */
function answer(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string>; logged: string[] } {
  const sent: { status: number; body: Record<string, unknown>; headers: Record<string, string> } = { status: 0, body: {}, headers: {} };
  const response = {
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const request = { method: 'POST', url: '/api/x', correlationId: 'c-1' };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  const logged: string[] = [];
  const log = jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void logged.push(String(message)));
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown, stack?: unknown) => void logged.push(`${String(message)} ${String(stack)}`));
  try {
    new AllExceptionsFilter().catch(exception, host);
  } finally {
    log.mockRestore();
    warn.mockRestore();
    error.mockRestore();
  }
  return { ...sent, logged };
}

class SampleDto {
  @IsString() name!: string;
  @IsInt() @Min(0) count!: number;
  @MaxLength(5) note!: string;
  @IsInt({ message: 'rowVersion 须为整数' }) rowVersion!: number;
}

async function validationError(body: unknown): Promise<AppException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleDto });
  } catch (caught) {
    return caught as AppException;
  }
  throw new Error('expected a validation error');
}

describe(AllExceptionsFilter.name, () => {
  it('sends the Chinese of an application error and logs its English gloss', () => {
    const { status, body, logged } = answer(new AppException(ErrorCode.SHEET_NOT_FOUND, '找不到该绩效目标表，或您无权查看 / target sheet not found'));
    expect(status).toBe(404);
    expect(body).toEqual({ statusCode: 404, code: 'SHEET_NOT_FOUND', message: '找不到该绩效目标表，或您无权查看', details: undefined, correlationId: 'c-1' });
    expect(logged.join('\n')).toContain('SHEET_NOT_FOUND [c-1] target sheet not found');
  });

  it("answers a framework error in Chinese only, whatever the framework's English", () => {
    const notFound = answer(new NotFoundException('Cannot GET /api/nothing'));
    expect(notFound.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: '请求的地址不存在' });
    expect(notFound.logged.join('\n')).toContain('Cannot GET /api/nothing');
    const bad = answer(new BadRequestException('Some English reason'));
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求有误，请检查后重试' });
    const json = answer(new BadRequestException('Unexpected token } in JSON at position 3'));
    expect(json.body).toMatchObject({ code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON' });
  });

  it('sends the answer carried by a body refused before parsing, and names the size limit', () => {
    const refused = new RejectedBody(new AppException(ErrorCode.BODY_TOO_DEEP, '请求内容的层级过深（数组和对象最多嵌套 32 层）/ too deep'));
    const deep = answer(new HttpException(refused.message, 400, { cause: refused }));
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ statusCode: 400, code: 'BODY_TOO_DEEP', message: '请求内容的层级过深（数组和对象最多嵌套 32 层）', correlationId: 'c-1' });
    const large = answer(new PayloadTooLargeException('request entity too large'));
    expect(large.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（不能超过 20 MB）' });
  });

  it('hides a crash behind a Chinese 500 and logs its stack', () => {
    const { status, body, logged } = answer(new Error('disk full'));
    expect(status).toBe(500);
    expect(body.message).toBe('服务器内部错误，请稍后重试并提供请求编号');
    expect(JSON.stringify(body)).not.toContain('disk full');
    expect(logged.join('\n')).toContain('disk full');
  });

  it('answers a lost database connection 503 DATABASE_UNAVAILABLE with Retry-After, never a 500', () => {
    for (const lost of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('connection failure'), { code: '08006' }) }),
      new Error('Connection terminated unexpectedly'),
    ]) {
      const { status, body, headers, logged } = answer(lost);
      expect(status).toBe(503);
      expect(body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请约 5 秒后重试', correlationId: 'c-1' });
      expect(headers['Retry-After']).toBe('5');
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|terminat|connection/i);
      expect(logged.join('\n')).toContain('database unavailable');
    }
  });

  it('sends Retry-After with an application 503 (the job queue away) too', () => {
    const { status, body, headers } = answer(new AppException(ErrorCode.JOBS_UNAVAILABLE, '后台任务队列（Redis）暂时无法连接 / job queue unavailable'));
    expect(status).toBe(503);
    expect(body).toMatchObject({ code: 'JOBS_UNAVAILABLE', message: '后台任务队列（Redis）暂时无法连接' });
    expect(headers['Retry-After']).toBe('5');
  });

  it("turns class-validator's English into Chinese for every field, and keeps a DTO's own Chinese", async () => {
    const error = await validationError({ name: 3, count: -1, note: '一二三四五六', rowVersion: 'x', extra: true });
    const { body, logged } = answer(error);
    expect(body.code).toBe('VALIDATION_FAILED');
    const message = String(body.message);
    expect(message).toMatch(/^请求参数有误：/);
    for (const said of ['name：须为文字', 'count：不能小于 0', 'note：最多 5 个字', 'rowVersion 须为整数', 'extra：不是可接受的字段']) expect(message).toContain(said);
    expect(message).not.toMatch(/must|should|property/);
    const details = body.details as { field: string; problems: string[] }[];
    expect(details.every((d) => d.problems.every((p) => CJK.test(p)))).toBe(true);
    expect(logged.join('\n')).toMatch(/count must not be less than 0/);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint "projects_pkey"', 'RECORD_CONFLICT'],
    ['40P01', 'deadlock detected', 'CONCURRENT_UPDATE'],
    ['40001', 'could not serialize access due to concurrent update', 'CONCURRENT_UPDATE'],
  ])('answers a database error %s that escaped every service with 409, in Chinese, logging the English', (state, english, code) => {
    const driverError = Object.assign(new Error(english), { code: state });
    const { status, body, logged } = answer(new QueryFailedError('INSERT …', [], driverError));
    expect(status).toBe(409);
    expect(body.code).toBe(code);
    expect(String(body.message)).toMatch(CJK);
    expect(String(body.message)).not.toMatch(/[a-z]/i);
    expect(logged.join('\n')).toContain(english);
  });

  it('still answers 500 for any other database error, without its text', () => {
    const { status, body } = answer(new QueryFailedError('SELECT …', [], Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })));
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(String(body.message)).not.toContain('relation');
  });
});
