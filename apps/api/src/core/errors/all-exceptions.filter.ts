import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorResponse } from '@jixiao/contracts';
import type { Request, Response } from 'express';
import { pgConflict } from '../database/pg-errors';
import { MAX_JSON_BODY, RejectedBody } from '../http/json-body';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './dependency-errors';
import { AppException, ERROR_HTTP_STATUS, ErrorCode } from './error-codes';

/**
 * The one place errors become HTTP answers: a code and a message in Chinese only, no internals on
 * 500. What is not for users — an English gloss, a library's English message, a stack — goes to the log.
 * A dependency that is down (the database unreachable, the job queue's Redis) is a 503 with
 * Retry-After, never a 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { correlationId?: string }>();
    const { body, logDetail } = this.toBody(exception);
    body.correlationId = request.correlationId;
    const where = `${request.method} ${request.url} ${body.statusCode} ${body.code} [${body.correlationId}]`;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn(`${where} ${logDetail ?? (exception instanceof Error ? exception.message : String(exception))}`);
    } else if (body.statusCode >= 500) {
      this.logger.error(where, exception instanceof Error ? exception.stack : String(exception));
    } else if (logDetail !== null) {
      this.logger.log(`${where} ${logDetail}`);
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(thrown: unknown): { body: ApiErrorResponse; logDetail: string | null } {
    // a body refused before parsing reaches here as the framework's HttpException around our RejectedBody
    const cause = thrown instanceof HttpException ? thrown.cause : thrown;
    const exception = cause instanceof RejectedBody ? cause.answer : thrown;
    if (exception instanceof AppException) {
      return {
        body: { statusCode: exception.status, code: exception.code, message: exception.userMessage, details: exception.details },
        logDetail: exception.detail,
      };
    }
    if (exception instanceof HttpException) {
      const code = httpCode(exception.getStatus(), exception);
      return { body: { statusCode: ERROR_HTTP_STATUS[code], code, message: HTTP_MESSAGES[code] ?? '请求有误，请检查后重试' }, logDetail: exception.message };
    }
    if (isDatabaseUnavailable(exception)) {
      const english = exception instanceof Error ? exception.message : String(exception);
      return { body: { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: ErrorCode.DATABASE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE }, logDetail: `database unavailable: ${english}` };
    }
    const conflict = pgConflict(exception);
    if (conflict !== null) {
      // the safety net: a clash of simultaneous requests that no service turned into its own 409
      const code = conflict === 'unique_violation' ? ErrorCode.RECORD_CONFLICT : ErrorCode.CONCURRENT_UPDATE;
      return { body: { statusCode: ERROR_HTTP_STATUS[code], code, message: HTTP_MESSAGES[code]! }, logDetail: exception instanceof Error ? exception.message : null };
    }
    return { body: { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: ErrorCode.INTERNAL_ERROR, message: '服务器内部错误，请稍后重试并提供请求编号' }, logDetail: null };
  }
}

function httpCode(status: number, exception: HttpException): ErrorCode {
  if (status === HttpStatus.NOT_FOUND) return ErrorCode.ROUTE_NOT_FOUND;
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === HttpStatus.UNAUTHORIZED) return ErrorCode.AUTH_REQUIRED;
  if (status === HttpStatus.FORBIDDEN) return ErrorCode.ROLE_FORBIDDEN;
  if (status === HttpStatus.BAD_REQUEST && /JSON/i.test(exception.message)) return ErrorCode.MALFORMED_JSON;
  if (status >= 400 && status < 500) return ErrorCode.VALIDATION_FAILED;
  return ErrorCode.INTERNAL_ERROR;
}

/** What a user reads while the database cannot be reached (the answer carries Retry-After). */
export const DATABASE_UNAVAILABLE_MESSAGE = `数据库暂时无法连接，请约 ${RETRY_AFTER_SECONDS} 秒后重试`;

/** The Chinese of a framework error (Express, Nest guards); its English message is only logged. */
const HTTP_MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.ROUTE_NOT_FOUND]: '请求的地址不存在',
  [ErrorCode.PAYLOAD_TOO_LARGE]: `请求内容过大（不能超过 ${MAX_JSON_BODY.replace('mb', ' MB')}）`,
  [ErrorCode.AUTH_REQUIRED]: '请先登录',
  [ErrorCode.ROLE_FORBIDDEN]: '当前角色无权执行此操作',
  [ErrorCode.MALFORMED_JSON]: '请求体不是合法的 JSON',
  [ErrorCode.INTERNAL_ERROR]: '服务器内部错误，请稍后重试并提供请求编号',
  [ErrorCode.RECORD_CONFLICT]: '数据已被同时进行的其他操作写入，请刷新后重试',
  [ErrorCode.CONCURRENT_UPDATE]: '数据正被其他操作同时修改，请稍后重试',
};
