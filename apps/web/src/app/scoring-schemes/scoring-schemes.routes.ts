import { Routes } from '@angular/router';

export const scoringSchemesRoutes: Routes = [
  { path: '', title: '评分方案 · 绩效目标管理', loadComponent: () => import('./scheme-page').then((m) => m.SchemePage) },
];
