import { Routes } from '@angular/router';

export const overviewRoutes: Routes = [
  { path: '', title: '执行与自评总览 · 绩效目标管理', loadComponent: () => import('./overview-page').then((m) => m.OverviewPage) },
];
