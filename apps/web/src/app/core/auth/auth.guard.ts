import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';

/** Pages behind the login: without a session, go to /login and come back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthStore).isSignedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

export const PASSWORD_PAGE = '/account/password';

/** After an administrator created the account or reset its password, 修改密码 comes first: every other page leads there. */
export const passwordChangeGuard: CanActivateChildFn = (_route, state) => {
  if (inject(AuthStore).user()?.mustChangePassword !== true || state.url.startsWith(PASSWORD_PAGE)) return true;
  return inject(Router).createUrlTree([PASSWORD_PAGE]);
};
