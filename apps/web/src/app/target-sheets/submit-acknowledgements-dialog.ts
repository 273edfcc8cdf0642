import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { FindingAcknowledgementRequest } from '@jixiao/contracts/api/target-sheet.contract';
import {
  findingLabel,
  findingsToAcknowledge,
  isAcknowledgementReason,
  MAX_ACKNOWLEDGEMENT_LENGTH,
  MIN_ACKNOWLEDGEMENT_LENGTH,
  type FindingToAcknowledge,
  type ReviewFinding,
} from '@jixiao/domain/review';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTagModule } from 'ng-zorro-antd/tag';

interface Item extends FindingToAcknowledge {
  key: string;
  label: string; // 「工作完成时限」：年份与预算年度不符
}

/**
 * 提交 with 需修改 findings (DESIGN §5): each error-level finding of the review, with a textarea for
 * the author's reason; 提交 stays disabled until every reason has MIN–MAX characters. The server
 * checks again and decides (its refusal is shown here, `error`).
 */
@Component({
  selector: 'jx-submit-acknowledgements-dialog',
  imports: [FormsModule, NzAlertModule, NzInputModule, NzModalModule, NzTagModule],
  template: `
    <nz-modal
      [nzVisible]="open()"
      nzTitle="提交目标表：逐项确认需修改的问题"
      nzOkText="提交"
      nzCancelText="返回修改"
      nzWidth="760px"
      nzClassName="submit-acknowledgements"
      [nzOkDisabled]="!complete()"
      [nzOkLoading]="busy()"
      (nzOnOk)="submit()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        <p class="ack-intro">
          目标审核助手发现 <strong>{{ items().length }} 处需修改的问题</strong>。建议点「返回修改」按提示修改；如确需按现状提交，请逐项写明理由（{{ min }}–{{ max }}
          个字）。理由将记入操作日志，并在审核时显示给部门审核人和财政审核人。
        </p>
        @if (error(); as message) {
          <nz-alert class="ack-error" nzType="error" nzShowIcon [nzMessage]="message" />
        }
        <ol class="ack-items">
          @for (item of items(); track item.key; let i = $index) {
            <li class="ack-item" [attr.data-code]="item.finding.code">
              <div class="ack-finding" [id]="'ack-finding-' + i">
                <nz-tag nzColor="red">需修改</nz-tag>
                <span class="finding-title">{{ item.label }}</span>
                <span class="finding-message">{{ item.finding.message }}</span>
              </div>
              <label class="modal-label" [for]="'ack-reason-' + i">第 {{ i + 1 }} 项的确认理由（必填）</label>
              <textarea
                nz-input
                class="ack-reason"
                [id]="'ack-reason-' + i"
                [attr.aria-describedby]="'ack-finding-' + i + ' ack-count-' + i"
                [attr.aria-invalid]="touched()[item.key] && !valid(item.key)"
                [attr.maxlength]="max"
                [nzAutosize]="{ minRows: 2, maxRows: 6 }"
                [ngModel]="reasons()[item.key] ?? ''"
                (ngModelChange)="setReason(item.key, $event)"
                placeholder="请说明为何按现状提交，如：跨年度项目，完成时限沿用上年批复"
              ></textarea>
              <span class="jx-muted ack-count" [id]="'ack-count-' + i" [class.ack-missing]="touched()[item.key] && !valid(item.key)">
                {{ touched()[item.key] && !valid(item.key) ? '请填写至少 ' + min + ' 个字的理由' : '' }} {{ length(item.key) }} / {{ max }}
              </span>
            </li>
          }
        </ol>
        <p class="jx-muted modal-hint" aria-live="polite">
          已填写 {{ filled() }} / {{ items().length }} 项{{ complete() ? '，可以提交' : '，每项都填写理由后才能提交' }}。
        </p>
      </ng-container>
    </nz-modal>
  `,
  styleUrl: './sheet-detail.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitAcknowledgementsDialog {
  readonly open = input.required<boolean>();
  /** The sheet's findings as read; the error-level ones are listed. */
  readonly findings = input.required<readonly ReviewFinding[]>();
  readonly busy = input(false);
  /** The server's refusal (FINDINGS_NOT_ACKNOWLEDGED), shown above the list. */
  readonly error = input<string | null>(null);
  readonly confirmed = output<FindingAcknowledgementRequest[]>();
  readonly cancelled = output<void>();

  protected readonly min = MIN_ACKNOWLEDGEMENT_LENGTH;
  protected readonly max = MAX_ACKNOWLEDGEMENT_LENGTH;

  protected readonly items = computed<Item[]>(() => {
    const all = findingsToAcknowledge(this.findings());
    return all.map((item) => ({
      ...item,
      key: `${item.finding.code}@${item.finding.indicatorIndex ?? '-'}#${item.occurrence}`,
      label: findingLabel(item, all),
    }));
  });
  /** Reasons by finding; kept while the dialog is reopened for the same findings. */
  protected readonly reasons = signal<Readonly<Record<string, string | undefined>>>({});
  protected readonly touched = signal<Readonly<Record<string, boolean | undefined>>>({});
  protected readonly filled = computed(() => this.items().filter((item) => isAcknowledgementReason(this.reasons()[item.key])).length);
  protected readonly complete = computed(() => this.items().length > 0 && this.filled() === this.items().length);

  constructor() {
    // Other findings (another sheet, a saved edit): reasons typed for findings that are gone are dropped.
    effect(() => {
      const keys = new Set(this.items().map((item) => item.key));
      const kept = Object.entries(this.reasons()).filter(([key]) => keys.has(key));
      if (kept.length !== Object.keys(this.reasons()).length) this.reasons.set(Object.fromEntries(kept));
    });
  }

  protected setReason(key: string, reason: string): void {
    this.reasons.update((reasons) => ({ ...reasons, [key]: reason }));
    this.touched.update((touched) => ({ ...touched, [key]: true }));
  }

  protected valid(key: string): boolean {
    return isAcknowledgementReason(this.reasons()[key]);
  }

  protected length(key: string): number {
    return [...(this.reasons()[key] ?? '').trim()].length;
  }

  protected submit(): void {
    if (!this.complete()) return;
    this.confirmed.emit(
      this.items().map(({ finding, occurrence, key }) => ({
        code: finding.code,
        indicatorIndex: finding.indicatorIndex,
        occurrence,
        reason: (this.reasons()[key] ?? '').trim(),
      })),
    );
  }
}
