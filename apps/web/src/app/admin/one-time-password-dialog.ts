import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';

/** A one-time password to hand over: shown once, never again (the server keeps only its hash). */
export interface ShownPassword {
  username: string;
  displayName: string;
  password: string;
  reason: 'create' | 'reset';
}

@Component({
  selector: 'jx-one-time-password-dialog',
  imports: [NzButtonModule, NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="shown() !== null"
      [nzTitle]="shown()?.reason === 'create' ? '用户已新建：一次性密码' : '密码已重置：一次性密码'"
      nzClassName="one-time-password-dialog"
      [nzClosable]="false"
      [nzMaskClosable]="false"
      [nzFooter]="footer"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        @if (shown(); as s) {
          <p>请把下面的一次性密码当面或电话告知 <strong>{{ s.displayName }}</strong>（用户名 <strong>{{ s.username }}</strong>）。</p>
          <p class="password-line">
            <code class="one-time-password" aria-label="一次性密码">{{ s.password }}</code>
            <button nz-button nzSize="small" class="copy" (click)="copy(s.password)">复制</button>
            <span class="copied" aria-live="polite">{{ copied() ? '已复制' : '' }}</span>
          </p>
          <p class="warning">此密码只显示这一次，关闭后无法再查看；用户用它登录后必须立即设置自己的密码。</p>
        }
      </ng-container>
      <ng-template #footer>
        <button nz-button nzType="primary" class="done" (click)="close()">已记下，关闭</button>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .password-line { display: flex; align-items: center; gap: 12px; }
    .one-time-password {
      padding: 6px 12px;
      font-size: 20px;
      letter-spacing: 2px;
      background: var(--jx-brand-wash);
      border: 1px solid var(--jx-brand-wash-border);
      border-radius: 4px;
      color: var(--jx-text);
    }
    .copied { color: var(--jx-success); }
    .warning { color: var(--jx-warning-text); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimePasswordDialog {
  readonly shown = input.required<ShownPassword | null>();
  readonly closed = output<void>();
  protected readonly copied = signal(false);

  protected copy(password: string): void {
    void navigator.clipboard?.writeText(password).then(() => this.copied.set(true));
  }

  protected close(): void {
    this.copied.set(false);
    this.closed.emit();
  }
}
