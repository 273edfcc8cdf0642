import { Routes } from '@angular/router';

export const authRoutes: Routes = [
  { path: '', title: '登录 · 绩效目标管理', loadComponent: () => import('./login-page').then((m) => m.LoginPage) },
];
