import { Routes } from '@angular/router';

export const fiscalYearsRoutes: Routes = [
  { path: '', title: '预算年度与填报时间 · 绩效目标管理', loadComponent: () => import('./fiscal-years-page').then((m) => m.FiscalYearsPage) },
];
