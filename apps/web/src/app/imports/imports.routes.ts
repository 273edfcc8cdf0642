import { Routes } from '@angular/router';

export const importsRoutes: Routes = [
  { path: '', title: '导入 · 绩效目标管理', loadComponent: () => import('./import-page').then((m) => m.ImportPage) },
];
