import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { InboxCounter } from './inbox-counter';

/**
 * After every successful write to the API (提交, 审核, 退回, 新建项目, 导入…) the 待我处理 badge is read
 * again: what waits for whom changes with the workflow, wherever the action was taken.
 */
export const inboxRefreshInterceptor: HttpInterceptorFn = (request, next) => {
  const isWrite = request.method !== 'GET' && request.url.startsWith('/api/') && !request.url.startsWith('/api/auth/');
  if (!isWrite) return next(request);
  const counter = inject(InboxCounter);
  return next(request).pipe(
    tap((event) => {
      if (event instanceof HttpResponse) counter.refresh();
    }),
  );
};
