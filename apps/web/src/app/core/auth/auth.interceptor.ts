import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { catchError, switchMap, throwError } from 'rxjs';
import { apiErrorCode } from '../http/api-error';
import { UnsavedChanges } from '../unsaved/unsaved-changes';
import { AuthStore } from './auth-store';
import { Reauthentication } from './reauthentication';

const LOGIN_URL = '/api/auth/login';

/**
 * Adds `Authorization: Bearer` to API calls. A 401 means the login expired: a write (保存, 提交…), or
 * any call while work is unsaved, asks for the password in place and is then sent again, so nothing
 * typed is lost; otherwise the session ends and the shell goes to the login page. A wrong password
 * (AUTH_INVALID_CREDENTIALS) is not an expired login and passes through.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const reauth = inject(Reauthentication);
  const unsaved = inject(UnsavedChanges);
  const isApi = request.url.startsWith('/api/');
  const isLogin = request.url.startsWith(LOGIN_URL);
  const authorized = (req: HttpRequest<unknown>) => {
    const token = auth.accessToken();
    return isApi && !isLogin && token !== null ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  };

  return next(authorized(request)).pipe(
    catchError((error: unknown) => {
      const expired = error instanceof HttpErrorResponse && error.status === 401 && isApi && !isLogin && apiErrorCode(error) !== ErrorCode.AUTH_INVALID_CREDENTIALS;
      if (!expired || auth.user() === null) return throwError(() => error);
      if (request.method !== 'GET' || unsaved.hasUnsaved()) {
        return reauth.request().pipe(switchMap((signedIn) => (signedIn ? next(authorized(request)) : throwError(() => error))));
      }
      auth.signOut('expired');
      return throwError(() => error);
    }),
  );
};
