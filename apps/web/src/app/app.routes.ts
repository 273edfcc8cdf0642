import { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';

export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes) },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      { path: 'sheets', loadChildren: () => import('./target-sheets/target-sheets.routes').then((m) => m.targetSheetsRoutes) },
      { path: '', pathMatch: 'full', redirectTo: 'sheets' },
    ],
  },
  { path: '**', redirectTo: '' },
];
