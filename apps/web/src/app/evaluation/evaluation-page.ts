import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { EvaluationResponse, IndicatorScoreResponse } from '@jixiao/contracts/api/evaluation.contract';
import type { ScoringFinding } from '@jixiao/domain/scoring';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AuthStore } from '../core/auth/auth-store';
import { formatWanExact } from '../core/format/wan';
import { apiErrorCode, apiErrorMessage } from '../core/http/api-error';
import { buildIndicatorRows } from '../target-sheets/indicator-rows';
import { EvaluationApi, saveBlob } from './evaluation-api';
import { GRADE_TAGS, percentText, UNMET_ORDER, UNMET_TAGS } from './unmet-labels';
import { BeijingTimePipe } from '../core/format/beijing-time.pipe';

type ScoreRow = IndicatorScoreResponse;

/**
 * 年终自评 of a sheet, laid out like the national 项目支出绩效自评表: every indicator's target, actual,
 * completion rate, weight and score with how each was computed, the unmet flags, budget execution,
 * total and grade. Reviewers may adjust a score with a written reason; both reports download here.
 */
@Component({
  selector: 'jx-evaluation-page',
  imports: [FormsModule, RouterLink, BeijingTimePipe, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzModalModule, NzTagModule, NzTooltipModule],
  templateUrl: './evaluation-page.html',
  styleUrl: './evaluation-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jx-page' },
})
export class EvaluationPage {
  private readonly api = inject(EvaluationApi);
  private readonly auth = inject(AuthStore);

  /** Route parameter :id, and ?indicator= to highlight one row (from the overview). */
  readonly id = input.required<string>();
  readonly indicator = input<string | undefined>(undefined);

  protected readonly formatWan = formatWanExact; // money to the cent
  protected readonly percentText = percentText;
  protected readonly unmetTags = UNMET_TAGS;
  protected readonly gradeTags = GRADE_TAGS;
  protected readonly unmetOrder = UNMET_ORDER;

  protected readonly evaluation = signal<EvaluationResponse | null>(null);
  protected readonly notEvaluated = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly computing = signal(false);
  protected readonly blocked = signal<{ message: string; errors: ScoringFinding[] } | null>(null);
  protected readonly computeError = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly downloading = signal<'xlsx' | 'pdf' | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  /** 调整得分 modal. */
  protected readonly overriding = signal<ScoreRow | null>(null);
  protected readonly overrideScore = signal('');
  protected readonly overrideReason = signal('');
  protected readonly overrideSaving = signal(false);
  protected readonly overrideError = signal<string | null>(null);

  protected readonly role = computed(() => this.auth.user()?.role ?? null);
  protected readonly mayCompute = computed(() => ['unit_editor', 'department_reviewer', 'finance_reviewer', 'admin'].includes(this.role() ?? ''));
  protected readonly mayOverride = computed(() => ['department_reviewer', 'finance_reviewer', 'admin'].includes(this.role() ?? ''));
  protected readonly rows = computed(() => buildIndicatorRows<ScoreRow>(this.evaluation()?.indicators ?? []));
  protected readonly title = computed(() => {
    const e = this.evaluation();
    return e === null ? '' : e.kind === 'project' ? '项目支出绩效自评表' : '部门整体支出绩效自评表';
  });

  constructor() {
    effect(() => this.load(this.id()));
  }

  protected isExpanded(id: string): boolean {
    return this.expanded().has(id);
  }

  protected toggle(id: string): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected compute(): void {
    this.computing.set(true);
    this.blocked.set(null);
    this.computeError.set(null);
    this.api.evaluate(this.id()).subscribe({
      next: (evaluation) => {
        this.computing.set(false);
        this.notEvaluated.set(false);
        this.evaluation.set(evaluation);
      },
      error: (error: unknown) => {
        this.computing.set(false);
        if (apiErrorCode(error) === ErrorCode.EVALUATION_BLOCKED) {
          const details = (error as { error?: { details?: { errors?: ScoringFinding[] } } }).error?.details;
          this.blocked.set({ message: apiErrorMessage(error), errors: details?.errors ?? [] });
        } else {
          this.computeError.set(apiErrorMessage(error, '计算失败，请稍后重试。'));
        }
      },
    });
  }

  protected openOverride(row: ScoreRow): void {
    this.overriding.set(row);
    this.overrideScore.set(row.override?.score ?? row.computedScore ?? '');
    this.overrideReason.set(row.override?.reason ?? '');
    this.overrideError.set(null);
  }

  protected saveOverride(clear = false): void {
    const row = this.overriding();
    if (row === null) return;
    const score = this.overrideScore().trim();
    const reason = this.overrideReason().trim();
    if (!clear) {
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(score)) return this.overrideError.set('调整分须为不超过两位小数的非负数，如 9 或 8.5。');
      if (Number(score) > Number(row.weight ?? 0)) return this.overrideError.set(`调整分不能超过该指标分值 ${row.weight}。`);
      if (reason === '') return this.overrideError.set('请写明调整理由。');
    }
    this.overrideSaving.set(true);
    this.api.override(this.id(), row.indicatorId, clear ? { score: null } : { score, reason }).subscribe({
      next: (evaluation) => {
        this.overrideSaving.set(false);
        this.overriding.set(null);
        this.evaluation.set(evaluation);
      },
      error: (error: unknown) => {
        this.overrideSaving.set(false);
        this.overrideError.set(apiErrorMessage(error, '保存失败，请稍后重试。'));
      },
    });
  }

  protected download(kind: 'xlsx' | 'pdf'): void {
    const e = this.evaluation();
    if (e === null) return;
    this.downloading.set(kind);
    this.downloadError.set(null);
    const name = `${e.project?.name ?? e.department.name + '部门整体'}-${this.title()}-${e.fiscalYear}.${kind}`;
    this.api.download(`/api/target-sheets/${encodeURIComponent(e.sheetId)}/self-assessment.${kind}`).subscribe({
      next: (blob) => {
        this.downloading.set(null);
        saveBlob(blob, name);
      },
      error: (error: unknown) => {
        this.downloading.set(null);
        this.downloadError.set(apiErrorMessage(error, '下载失败，请稍后重试。'));
      },
    });
  }

  private load(id: string): void {
    this.loadError.set(null);
    this.api.evaluation(id).subscribe({
      next: (evaluation) => {
        this.evaluation.set(evaluation);
        this.notEvaluated.set(false);
        const highlight = this.indicator();
        if (highlight) {
          this.expanded.set(new Set([highlight]));
          setTimeout(() => document.getElementById(`indicator-${highlight}`)?.scrollIntoView({ block: 'center' }), 50);
        }
      },
      error: (error: unknown) => {
        if (apiErrorCode(error) === ErrorCode.EVALUATION_NOT_FOUND) this.notEvaluated.set(true);
        else this.loadError.set(apiErrorMessage(error));
      },
    });
  }
}
