import { Routes } from '@angular/router';

export const evaluationRoutes: Routes = [
  { path: '', title: '年终自评 · 绩效目标管理', loadComponent: () => import('./evaluation-page').then((m) => m.EvaluationPage) },
];
