import { Routes } from '@angular/router';

export const inboxRoutes: Routes = [
  { path: '', title: '待我处理 · 绩效目标管理', loadComponent: () => import('./inbox-page').then((m) => m.InboxPage) },
];
