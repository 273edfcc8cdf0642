import { HttpErrorResponse, HttpEvent, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { catchError, Observable, switchMap, throwError } from 'rxjs';
import { apiErrorCode } from '../http/api-error';
import { UnsavedChanges } from '../unsaved/unsaved-changes';
import { AuthStore } from './auth-store';
import { Reauthentication } from './reauthentication';
import { SESSION_CALL, TokenRefresh } from './token-refresh';

const LOGIN_URL = '/api/auth/login';

/**
 * Adds `Authorization: Bearer` to API calls. A 401 ACCESS_TOKEN_EXPIRED (the short-lived access
 * token ran out) is renewed with the refresh token without asking, once, and the request sent again.
 * Any other 401 — or a renewal refused because the session ended — means the login is over: a write
 * (保存, 提交…), or any call while work is unsaved, asks for the password in place and is then sent
 * again, so nothing typed is lost; otherwise the session ends and the shell goes to the login page.
 * A wrong password (AUTH_INVALID_CREDENTIALS) is not an expired login and passes through.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const reauth = inject(Reauthentication);
  const unsaved = inject(UnsavedChanges);
  const refresher = inject(TokenRefresh);
  const isApi = request.url.startsWith('/api/');
  if (!isApi || request.context.get(SESSION_CALL)) return next(request);
  const isLogin = request.url.startsWith(LOGIN_URL);
  let sentWith: string | null = null;
  const authorized = (req: HttpRequest<unknown>) => {
    sentWith = auth.accessToken();
    return !isLogin && sentWith !== null ? req.clone({ setHeaders: { Authorization: `Bearer ${sentWith}` } }) : req;
  };
  const isLoginOver = (error: unknown): error is HttpErrorResponse =>
    error instanceof HttpErrorResponse && error.status === 401 && !isLogin && apiErrorCode(error) !== ErrorCode.AUTH_INVALID_CREDENTIALS && auth.user() !== null;

  /** The login is over: ask in place (a write, or unsaved work on the page), or end the session. */
  const loginOver = (error: HttpErrorResponse): Observable<HttpEvent<unknown>> => {
    if (request.method !== 'GET' || unsaved.hasUnsaved()) {
      return reauth.request().pipe(switchMap((signedIn) => (signedIn ? next(authorized(request)) : throwError(() => error))));
    }
    auth.signOut('expired');
    return throwError(() => error);
  };

  return next(authorized(request)).pipe(
    catchError((error: unknown) => {
      if (!isLoginOver(error)) return throwError(() => error);
      if (apiErrorCode(error) !== ErrorCode.ACCESS_TOKEN_EXPIRED || auth.refreshToken() === null) return loginOver(error);
      return refresher.renew(sentWith).pipe(
        switchMap((renewed) => {
          if (!renewed) return loginOver(error); // the session itself ended: 退出 elsewhere, password, deactivation
          return next(authorized(request)).pipe(catchError((again: unknown) => (isLoginOver(again) ? loginOver(again) : throwError(() => again))));
        }),
      );
    }),
  );
};
