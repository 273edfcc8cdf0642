import { Routes } from '@angular/router';

export const executionRoutes: Routes = [
  { path: '', title: '执行监控 · 绩效目标管理', loadComponent: () => import('./execution-page').then((m) => m.ExecutionPage) },
];
