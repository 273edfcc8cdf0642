import { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';
import { unsavedChangesGuard } from './core/unsaved/unsaved-changes.guard';

export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes) },
  {
    path: '',
    canActivate: [authGuard],
    // every navigation inside the app (closing a panel is one) first asks about unsaved work
    canDeactivate: [unsavedChangesGuard],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      { path: 'sheets/:id/execution', loadChildren: () => import('./execution/execution.routes').then((m) => m.executionRoutes) },
      { path: 'sheets/:id/evaluation', loadChildren: () => import('./evaluation/evaluation.routes').then((m) => m.evaluationRoutes) },
      { path: 'overview', loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes) },
      { path: 'inbox', loadChildren: () => import('./inbox/inbox.routes').then((m) => m.inboxRoutes) },
      { path: 'sheets', loadChildren: () => import('./target-sheets/target-sheets.routes').then((m) => m.targetSheetsRoutes) },
      { path: '', pathMatch: 'full', redirectTo: 'sheets' },
    ],
  },
  { path: '**', redirectTo: '' },
];
