import { NgTemplateOutlet } from '@angular/common';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { AuditEventResponse, FindingAcknowledgementRequest, SheetAction, TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import {
  availableActions,
  editLockMessage,
  hasReturnComment,
  isEditable,
  mayEditSheet,
  MIN_RETURN_COMMENT_LENGTH,
  SHEET_ACTION_LABELS,
} from '@jixiao/domain/workflow';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { CopyOutline } from '@ant-design/icons-angular/icons';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthStore } from '../core/auth/auth-store';
import { formatShare } from '../core/format/wan';
import { WanPipe } from '../core/format/wan.pipe';
import { apiErrorCode, apiErrorMessage } from '../core/http/api-error';
import { actionLabel, actorLabel } from '../shared/audit-labels';
import { IndicatorTable } from './indicator-table';
import { PlanChart } from './plan-chart';
import { ProjectActions } from './project-actions';
import { ReviewFindings } from './review-findings';
import { DraftOffer } from './sheet-editor/draft-offer';
import { SheetEditor } from './sheet-editor/sheet-editor';
import { SubmitAcknowledgementsDialog } from './submit-acknowledgements-dialog';
import { SHEET_KIND_LABELS, SHEET_STATUS } from './sheet-labels';
import { TargetSheetsApi } from './target-sheets-api';
import { BeijingTimePipe } from '../core/format/beijing-time.pipe';
import { TargetSheetDownloads, type TargetDownload } from './target-sheet-downloads';

/**
 * One target sheet: the workflow bar (status, version, 提交/审核/退回… and 编辑), its header,
 * 绩效目标, the review rules' findings, the indicator tree, the 资金支出计划, the changes against
 * the previous version and the 操作日志. While editing, the content is a `jx-sheet-editor`.
 */
@Component({
  selector: 'jx-sheet-detail',
  imports: [
    BeijingTimePipe,
    FormsModule,
    NgTemplateOutlet,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    IndicatorTable,
    PlanChart,
    ProjectActions,
    DraftOffer,
    ReviewFindings,
    RouterLink,
    SheetEditor,
    SubmitAcknowledgementsDialog,
    TargetSheetDownloads,
    WanPipe,
  ],
  templateUrl: './sheet-detail.html',
  styleUrl: './sheet-detail.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([CopyOutline])],
})
export class SheetDetail {
  private readonly api = inject(TargetSheetsApi);
  private readonly auth = inject(AuthStore);

  readonly sheet = input.required<TargetSheetResponse>();
  /** 导出 Excel / 导出 PDF: the sheet in the disclosure layout. */
  protected readonly exportTarget = computed<TargetDownload>(() => {
    const s = this.sheet();
    return { kind: 'sheet', sheetId: s.id, subject: s.project?.name ?? `${s.department.name}部门整体支出`, fiscalYear: s.fiscalYear };
  });
  /** The sheet after a save or a workflow action; for 发起调整 it is the new version (another id). */
  readonly changed = output<TargetSheetResponse>();
  /** Reload the sheet from the server (刷新 after a conflict). */
  readonly reloadRequested = output<void>();
  /** The opened years after the sheet's (结转 targets). */
  readonly laterYears = input<number[]>([]);
  /** The project was deleted (删除草稿). */
  readonly deleted = output<void>();
  /** 结转: the new sheet of a later year. */
  readonly rolledOver = output<TargetSheetResponse>();

  protected readonly actionLabels = SHEET_ACTION_LABELS;
  protected readonly errorMessage = apiErrorMessage;
  protected readonly minCommentLength = MIN_RETURN_COMMENT_LENGTH;
  protected readonly status = computed(() => SHEET_STATUS[this.sheet().status]);
  protected readonly kindLabel = computed(() => SHEET_KIND_LABELS[this.sheet().kind]);
  protected readonly plan = computed(() => {
    const sheet = this.sheet();
    const total = sheet.project?.amount.total ?? null;
    return [...sheet.spendingPlan]
      .sort((a, b) => a.month - b.month)
      .map((point) => ({ ...point, share: formatShare(point.cumulativeAmount, total) }));
  });

  private readonly role = computed(() => this.auth.user()?.role ?? 'viewer');

  protected readonly actions = computed(() => {
    const sheet = this.sheet();
    return availableActions(sheet.status, this.role(), sheet.kind);
  });

  /** 编辑 is offered to the sheet's authors while it is a draft or returned. */
  protected readonly canEdit = computed(() => {
    const sheet = this.sheet();
    return isEditable(sheet.status) && mayEditSheet(this.role(), sheet.kind);
  });

  /** Why an author cannot edit now (submitted, approved…); null for everyone else. */
  protected readonly lockMessage = computed(() => {
    const sheet = this.sheet();
    return mayEditSheet(this.role(), sheet.kind) ? editLockMessage(sheet.status) : null;
  });

  protected readonly editing = signal(false);
  protected readonly busyAction = signal<SheetAction | null>(null);
  protected readonly actionError = signal<{ message: string; conflict: boolean } | null>(null);
  protected readonly returnOpen = signal(false);
  protected readonly returnComment = signal('');
  protected readonly returnCommentOk = computed(() => hasReturnComment(this.returnComment()));
  /** 提交 with 需修改 findings: the dialog asking a reason for each, and the server's refusal shown in it. */
  protected readonly acknowledgeOpen = signal(false);
  protected readonly acknowledgeError = signal<string | null>(null);
  /** 部门审核通过 / 财政批准 of a sheet submitted with acknowledged findings: the approver reads them first. */
  protected readonly approveAction = signal<SheetAction | null>(null);
  protected readonly errorCount = computed(() => this.sheet().findings.filter((f) => f.severity === 'error').length);

  /** Reloaded whenever the sheet changes (save, action). */
  protected readonly audit = rxResource({
    params: () => ({ id: this.sheet().id, rowVersion: this.sheet().rowVersion, status: this.sheet().status }),
    stream: ({ params }) => this.api.audit(params.id),
  });

  protected readonly diff = rxResource({
    params: () => (this.sheet().version > 1 ? { id: this.sheet().id, rowVersion: this.sheet().rowVersion } : undefined),
    stream: ({ params }) => this.api.diff(params.id),
  });

  /** The newest 退回意见, shown while the sheet is returned. */
  protected readonly returnNote = computed(() => {
    if (this.sheet().status !== 'returned' || !this.audit.hasValue()) return null;
    const event = this.audit.value().find((e) => e.action === 'sheet.return');
    if (event === undefined) return null;
    return { comment: commentOf(event) ?? '（未填写退回意见）', by: actorLabel(event.actor, '审核人'), at: event.occurredAt };
  });

  constructor() {
    // Another sheet (发起调整, another project): leave edit mode and forget old errors.
    let lastId: string | undefined;
    effect(() => {
      const id = this.sheet().id;
      if (lastId !== undefined && id !== lastId) {
        this.editing.set(false);
        this.actionError.set(null);
        this.closeDialogs();
      }
      lastId = id;
    });
  }

  /** 操作: the action in Chinese (libs/contracts AUDIT_ACTION_LABELS), never its code. */
  protected auditLabel(event: AuditEventResponse): string {
    return actionLabel(event);
  }

  /** 操作人 and 确认人: the person's name with the role beside it. */
  protected readonly actor = actorLabel;

  protected auditComment(event: AuditEventResponse): string {
    const comment = commentOf(event);
    if (comment !== null) return comment;
    const findingCount = event.after?.['findingCount'];
    const acknowledged = event.after?.['acknowledgements'];
    if (event.action === 'sheet.submit' && Array.isArray(acknowledged) && acknowledged.length > 0) {
      return `提交时目标审核助手提示 ${typeof findingCount === 'number' ? findingCount : acknowledged.length} 处问题，填报人逐项确认了 ${acknowledged.length} 处需修改的问题`;
    }
    if (event.action === 'sheet.submit' && typeof findingCount === 'number' && findingCount > 0) {
      return `提交时目标审核助手提示 ${findingCount} 处问题`;
    }
    return '';
  }

  protected startEditing(): void {
    this.actionError.set(null);
    this.editing.set(true);
  }

  protected onSaved(sheet: TargetSheetResponse): void {
    this.editing.set(false);
    this.changed.emit(sheet);
  }

  protected onRefresh(): void {
    this.editing.set(false);
    this.actionError.set(null);
    this.reloadRequested.emit();
  }

  protected takeAction(action: SheetAction): void {
    if (action === 'return') {
      this.returnComment.set('');
      this.returnOpen.set(true);
      return;
    }
    if (action === 'submit' && this.errorCount() > 0) {
      this.acknowledgeError.set(null);
      this.acknowledgeOpen.set(true);
      return;
    }
    if ((action === 'department_approve' || action === 'approve') && this.sheet().acknowledgements.length > 0) {
      this.approveAction.set(action);
      return;
    }
    this.run(action);
  }

  private closeDialogs(): void {
    this.returnOpen.set(false);
    this.acknowledgeOpen.set(false);
    this.approveAction.set(null);
  }

  /** 提交 with a written reason for every 需修改 finding; the server checks them again. */
  protected submitAcknowledged(acknowledgements: FindingAcknowledgementRequest[]): void {
    this.run('submit', undefined, acknowledgements);
  }

  protected confirmApprove(): void {
    const action = this.approveAction();
    if (action !== null) this.run(action);
  }

  protected confirmReturn(): void {
    if (!this.returnCommentOk()) return;
    this.run('return', this.returnComment().trim());
  }

  private run(action: SheetAction, comment?: string, acknowledgements?: FindingAcknowledgementRequest[]): void {
    const sheet = this.sheet();
    this.busyAction.set(action);
    this.actionError.set(null);
    this.acknowledgeError.set(null);
    const body = {
      action,
      rowVersion: sheet.rowVersion,
      ...(comment !== undefined ? { comment } : {}),
      ...(acknowledgements !== undefined ? { acknowledgements } : {}),
    };
    this.api.transition(sheet.id, body).subscribe({
      next: (updated) => {
        this.busyAction.set(null);
        this.closeDialogs();
        this.changed.emit(updated);
      },
      error: (error: unknown) => {
        this.busyAction.set(null);
        // A reason the server refuses is corrected in the dialog, which stays open.
        if (action === 'submit' && apiErrorCode(error) === ErrorCode.FINDINGS_NOT_ACKNOWLEDGED) {
          this.acknowledgeError.set(apiErrorMessage(error, '确认理由未通过检查，请逐项填写后再提交。'));
          return;
        }
        this.closeDialogs();
        this.actionError.set({
          message: apiErrorMessage(error, `「${SHEET_ACTION_LABELS[action]}」未成功，请稍后重试。`),
          conflict: apiErrorCode(error) === ErrorCode.SHEET_VERSION_CONFLICT,
        });
      },
    });
  }
}

function commentOf(event: AuditEventResponse): string | null {
  const comment = event.after?.['comment'];
  return typeof comment === 'string' && comment.trim() !== '' ? comment : null;
}
