import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../auth/auth-store';
import { ROLE_LABELS } from '../auth/role-labels';

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

  protected readonly user = this.auth.user;
  /** 预算年度与填报时间: the administrator opens years, finance reopens rounds. */
  protected readonly mayManageYears = computed(() => ['admin', 'finance_reviewer'].includes(this.user()?.role ?? ''));
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user === null ? '' : ROLE_LABELS[user.role];
  });

  /** The organization, unless the display name already says it (汉阴县医疗保障局本级单位填报人). */
  protected readonly organizationName = computed(() => {
    const user = this.user();
    const name = user?.organization?.name;
    return name === undefined || user === null || user.displayName.includes(name) ? null : name;
  });

  protected signOut(): void {
    this.auth.signOut();
    void this.router.navigate(['/login']);
  }
}
