import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ReauthDialog } from '../../auth/reauth-dialog';
import { InboxCounter } from '../../inbox/inbox-counter';
import { AuthStore } from '../auth/auth-store';
import { ROLE_LABELS } from '../auth/role-labels';
import { TokenRefresh } from '../auth/token-refresh';
import { isAdministrator } from '@jixiao/domain/accounts';
import { LeaveDialog } from '../unsaved/leave-dialog';

/**
 * The frame of every signed-in page: product name, navigation (with what waits in 待我处理), who is
 * signed in, 退出; and the two questions that keep work from being lost: the re-login when a session
 * expires mid-edit, and leaving unsaved work. A session ended here or in another tab leads to the login.
 */
@Component({
  selector: 'jx-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, NzLayoutModule, NzButtonModule, NzIconModule, NzTagModule, ReauthDialog, LeaveDialog],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthStore);
  private readonly tokens = inject(TokenRefresh);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly inbox = inject(InboxCounter);

  protected readonly user = this.auth.user;
  /** 预算年度与填报时间: the administrator opens years, finance reopens rounds. */
  protected readonly mayManageYears = computed(() => ['admin', 'finance_reviewer'].includes(this.user()?.role ?? ''));
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user === null ? '' : ROLE_LABELS[user.role];
  });
  /** 待我处理 is offered to the roles that act on sheets; the badge says how many wait. */
  protected readonly showInbox = this.inbox.applies;
  protected readonly inboxCount = this.inbox.count;

  /** 导入 is offered to the roles the import routes accept: finance reviewers, department reviewers (their own department) and the administrator. */
  protected readonly mayImport = computed(() => ['finance_reviewer', 'department_reviewer', 'admin'].includes(this.user()?.role ?? ''));
  /** 评分方案 in the navigation: finance and admins configure them (everyone may read them at /scoring-schemes). */
  protected readonly mayConfigureSchemes = computed(() => ['finance_reviewer', 'admin'].includes(this.user()?.role ?? ''));

  /** 系统管理 in the navigation: 系统管理员 and 管理员. */
  protected readonly administers = computed(() => {
    const user = this.user();
    return user !== null && isAdministrator(user.role);
  });

  /** Until the one-time password is replaced, only 修改密码 and 退出 are offered. */
  protected readonly mustChangePassword = computed(() => this.user()?.mustChangePassword === true);

  /** The organization, unless the display name already says it (汉阴县医疗保障局本级单位填报人). */
  protected readonly organizationName = computed(() => {
    const user = this.user();
    const name = user?.organization?.name;
    return name === undefined || user === null || user.displayName.includes(name) ? null : name;
  });

  /** 跳到主要内容: the focus moves to the page's content, past the header and the navigation. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main-content')?.focus();
  }

  constructor() {
    let shownUserId: string | undefined;
    effect(() => {
      const user = this.user();
      untracked(() => {
        if (user === null) this.toLogin();
        else if (shownUserId !== undefined && user.id !== shownUserId) window.location.assign('/'); // another user signed in in another tab
        shownUserId = user?.id;
      });
    });
  }

  /** 退出: leave the page first (unsaved work is asked about), then end the session in every tab and on the server. */
  protected signOut(): void {
    void this.router.navigate(['/login']).then((left) => {
      if (left) void this.tokens.logout();
    });
  }

  /** The session ended: expired (401) or 退出 in another tab. */
  private toLogin(): void {
    const reason = this.auth.signOutReason();
    const returnUrl = this.router.url.startsWith('/login') ? undefined : this.router.url;
    void this.router.navigate(['/login'], { queryParams: { returnUrl, expired: reason === 'expired' ? 1 : undefined, elsewhere: reason === 'elsewhere' ? 1 : undefined } });
  }
}
