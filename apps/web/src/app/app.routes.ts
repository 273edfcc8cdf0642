import { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';

export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes) },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      { path: 'sheets/:id/execution', loadChildren: () => import('./execution/execution.routes').then((m) => m.executionRoutes) },
      { path: 'sheets/:id/evaluation', loadChildren: () => import('./evaluation/evaluation.routes').then((m) => m.evaluationRoutes) },
      { path: 'fiscal-years', loadChildren: () => import('./fiscal-years/fiscal-years.routes').then((m) => m.fiscalYearsRoutes) },
      { path: 'overview', loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes) },
      { path: 'sheets', loadChildren: () => import('./target-sheets/target-sheets.routes').then((m) => m.targetSheetsRoutes) },
      { path: '', pathMatch: 'full', redirectTo: 'sheets' },
    ],
  },
  { path: '**', redirectTo: '' },
];
