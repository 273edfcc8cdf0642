import { Routes } from '@angular/router';
import { authGuard, passwordChangeGuard } from './core/auth/auth.guard';
import { unsavedChangesGuard } from './core/unsaved/unsaved-changes.guard';

export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes) },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [passwordChangeGuard],
    // every navigation inside the app (closing a panel is one) first asks about unsaved work
    canDeactivate: [unsavedChangesGuard],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      { path: 'sheets/:id/execution', loadChildren: () => import('./execution/execution.routes').then((m) => m.executionRoutes) },
      { path: 'sheets/:id/evaluation', loadChildren: () => import('./evaluation/evaluation.routes').then((m) => m.evaluationRoutes) },
      { path: 'scoring-schemes', loadChildren: () => import('./scoring-schemes/scoring-schemes.routes').then((m) => m.scoringSchemesRoutes) },
      { path: 'fiscal-years', loadChildren: () => import('./fiscal-years/fiscal-years.routes').then((m) => m.fiscalYearsRoutes) },
      { path: 'overview', loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes) },
      { path: 'inbox', loadChildren: () => import('./inbox/inbox.routes').then((m) => m.inboxRoutes) },
      { path: 'sheets', loadChildren: () => import('./target-sheets/target-sheets.routes').then((m) => m.targetSheetsRoutes) },
      { path: 'imports', loadChildren: () => import('./imports/imports.routes').then((m) => m.importsRoutes) },
      { path: 'admin', loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes) },
      { path: 'account', loadChildren: () => import('./account/account.routes').then((m) => m.accountRoutes) },
      { path: '', pathMatch: 'full', redirectTo: 'sheets' },
    ],
  },
  { path: '**', redirectTo: '' },
];
