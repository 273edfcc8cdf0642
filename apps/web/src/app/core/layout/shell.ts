import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../auth/auth-store';
import { ROLE_LABELS } from '../auth/role-labels';
import { isAdministrator } from '@jixiao/domain/accounts';

/** The frame of every signed-in page: product name, navigation, who is signed in, 退出. */
@Component({
  selector: 'jx-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, NzLayoutModule, NzButtonModule, NzIconModule, NzTagModule],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  protected readonly user = this.auth.user;
  /** 预算年度与填报时间: the administrator opens years, finance reopens rounds. */
  protected readonly mayManageYears = computed(() => ['admin', 'finance_reviewer'].includes(this.user()?.role ?? ''));
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user === null ? '' : ROLE_LABELS[user.role];
  });

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

  protected signOut(): void {
    this.auth.signOut();
    void this.router.navigate(['/login']);
  }
}
