import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IndicatorResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { buildIndicatorRows } from './indicator-rows';
import { previousActualText, previousTargetText } from './previous-year';
import { TargetSpecPipe } from './target-spec.pipe';

/** The three-level indicator tree as the national table prints it, with merged 一级/二级指标 cells. */
@Component({
  selector: 'jx-indicator-table',
  imports: [NzTableModule, NzTooltipModule, NzIconModule, NzEmptyModule, TargetSpecPipe],
  templateUrl: './indicator-table.html',
  styleUrl: './indicator-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorTable {
  readonly indicators = input.required<IndicatorResponse[]>();

  protected readonly rows = computed(() => buildIndicatorRows(this.indicators()));
  protected readonly hasWeights = computed(() => this.indicators().some((i) => i.weight !== null));
  protected readonly hasRemarks = computed(() => this.indicators().some((i) => (i.remark ?? '').trim() !== ''));
  /** 结转: last year's target and actual beside each row. */
  protected readonly hasPreviousYear = computed(() => this.indicators().some((i) => i.previousYear));
  protected readonly previousTarget = previousTargetText;
  protected readonly previousActual = previousActualText;
  protected readonly warningCount = computed(() => this.indicators().filter((i) => i.specWarnings.length > 0).length);

  protected warningLabel(indicator: IndicatorResponse): string {
    return `解析提示：${indicator.specWarnings.map((w) => w.message).join('；')}`;
  }
}
