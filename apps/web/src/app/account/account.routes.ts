import { Routes } from '@angular/router';

export const accountRoutes: Routes = [
  { path: 'password', title: '修改密码 · 绩效目标管理', loadComponent: () => import('./change-password-page').then((m) => m.ChangePasswordPage) },
];
