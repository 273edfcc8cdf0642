import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { REVIEW_CODE_TITLES } from '@jixiao/domain/review';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { formatShare } from '../core/format/wan';
import { WanPipe } from '../core/format/wan.pipe';
import { IndicatorTable } from './indicator-table';
import { SHEET_KIND_LABELS, SHEET_STATUS } from './sheet-labels';

/** One target sheet: its header, 绩效目标, the review rules' findings, the indicator tree and the 资金支出计划. */
@Component({
  selector: 'jx-sheet-detail',
  imports: [NzDescriptionsModule, NzTagModule, NzTableModule, NzEmptyModule, IndicatorTable, WanPipe],
  templateUrl: './sheet-detail.html',
  styleUrl: './sheet-detail.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SheetDetail {
  readonly sheet = input.required<TargetSheetResponse>();

  protected readonly reviewTitles = REVIEW_CODE_TITLES;
  protected readonly status = computed(() => SHEET_STATUS[this.sheet().status]);
  protected readonly kindLabel = computed(() => SHEET_KIND_LABELS[this.sheet().kind]);
  protected readonly plan = computed(() => {
    const sheet = this.sheet();
    const total = sheet.project?.amount.total ?? null;
    return [...sheet.spendingPlan]
      .sort((a, b) => a.month - b.month)
      .map((point) => ({ ...point, share: formatShare(point.cumulativeAmount, total) }));
  });
}
