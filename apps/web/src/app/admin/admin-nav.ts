import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** 系统管理's two pages: 组织机构 and 用户. */
@Component({
  selector: 'jx-admin-nav',
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav class="admin-nav" aria-label="系统管理">
      <a routerLink="/admin/organizations" routerLinkActive="active" ariaCurrentWhenActive="page">组织机构</a>
      <a routerLink="/admin/users" routerLinkActive="active" ariaCurrentWhenActive="page">用户</a>
    </nav>
  `,
  styles: `
    .admin-nav { display: flex; gap: 4px; }
    .admin-nav a {
      padding: 4px 14px;
      border: 1px solid var(--jx-brand-wash-border);
      border-radius: 4px;
      color: var(--jx-text);
      background: var(--jx-surface);
    }
    .admin-nav a.active { color: var(--jx-on-brand); background: var(--jx-brand); border-color: var(--jx-brand); }
    .admin-nav a:focus-visible { outline: 2px solid var(--jx-primary); outline-offset: 2px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminNav {}
