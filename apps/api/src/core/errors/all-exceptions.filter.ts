import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorResponse } from '@jixiao/contracts';
import type { Request, Response } from 'express';
import { AppException, ERROR_HTTP_STATUS, ErrorCode } from './error-codes';

/** The one place errors become HTTP answers: a code, a Chinese message, no internals on 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { correlationId?: string }>();
    const body = this.toBody(exception);
    body.correlationId = request.correlationId;
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.url} [${body.correlationId}]`, exception instanceof Error ? exception.stack : String(exception));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorResponse {
    if (exception instanceof AppException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpCode(status, exception);
      return { statusCode: ERROR_HTTP_STATUS[code], code, message: httpMessage(code, exception) };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: ErrorCode.INTERNAL_ERROR, message: '服务器内部错误，请稍后重试并提供请求编号 / internal error' };
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

function httpMessage(code: ErrorCode, exception: HttpException): string {
  switch (code) {
    case ErrorCode.ROUTE_NOT_FOUND:
      return '请求的地址不存在 / route not found';
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return '请求内容过大 / payload too large';
    case ErrorCode.AUTH_REQUIRED:
      return '请先登录 / authentication required';
    case ErrorCode.ROLE_FORBIDDEN:
      return '当前角色无权执行此操作 / forbidden for this role';
    case ErrorCode.MALFORMED_JSON:
      return '请求体不是合法的 JSON / malformed JSON body';
    case ErrorCode.INTERNAL_ERROR:
      return '服务器内部错误 / internal error';
    default:
      return `请求有误：${exception.message}`;
  }
}
