import { Routes } from '@angular/router';

export const targetSheetsRoutes: Routes = [
  { path: '', title: '绩效目标 · 绩效目标管理', loadComponent: () => import('./sheets-page').then((m) => m.SheetsPage) },
];
