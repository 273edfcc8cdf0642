import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorResponse } from '@jixiao/contracts/api/auth.contract';
import type { ErrorCode } from '@jixiao/contracts/api/error-codes';

/** A Chinese sentence for any failed request: the API's own `message` when it sent one. */
export function apiErrorMessage(error: unknown, fallback = '加载失败，请稍后重试。'): string {
  if (error instanceof HttpErrorResponse) {
    if (isApiError(error.error) && error.error.message.trim() !== '') return error.error.message;
    if (error.status === 0) return '无法连接服务器，请检查网络后重试。';
    if (error.status === 403) return '没有权限查看该内容。';
    if (error.status === 404) return '未找到该内容，可能已被删除或不在您的查看范围内。';
    if (error.status >= 500) return '服务器出错，请稍后重试。';
  }
  return fallback;
}

function isApiError(body: unknown): body is ApiErrorResponse {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}

/** The API's stable error `code` (compare with `ErrorCode.X` of libs/contracts); null when the answer had none. */
export function apiErrorCode(error: unknown): ErrorCode | null {
  if (error instanceof HttpErrorResponse && isApiError(error.error)) {
    const code: unknown = (error.error as { code?: unknown }).code;
    return typeof code === 'string' ? (code as ErrorCode) : null;
  }
  return null;
}
