import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { isAdministrator } from '@jixiao/domain/accounts';
import { AuthStore } from '../core/auth/auth-store';

/** 系统管理 is for 系统管理员 and 管理员; anyone else goes back to 绩效目标. */
export const administratorGuard: CanActivateFn = () => {
  const role = inject(AuthStore).user()?.role;
  return role !== undefined && isAdministrator(role) ? true : inject(Router).createUrlTree(['/sheets']);
};

export const adminRoutes: Routes = [
  {
    path: '',
    canActivate: [administratorGuard],
    children: [
      { path: 'organizations', title: '组织机构 · 系统管理 · 绩效目标管理', loadComponent: () => import('./organizations-page').then((m) => m.OrganizationsPage) },
      { path: 'users', title: '用户 · 系统管理 · 绩效目标管理', loadComponent: () => import('./users-page').then((m) => m.UsersPage) },
      { path: '', pathMatch: 'full', redirectTo: 'organizations' },
    ],
  },
];
