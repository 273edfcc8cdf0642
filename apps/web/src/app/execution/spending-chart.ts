import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { MONTHS, wanNumber } from './spending-series';

/** 累计支出 against 累计计划 (万元) month by month, with the budget as a line. ECharts loads lazily. */
@Component({
  selector: 'jx-spending-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('../shared/charts-echarts').then((m) => m.echarts) })],
  template: `<div class="chart" echarts [options]="options()" [autoResize]="true" role="img" [attr.aria-label]="label()"></div>`,
  styles: `:host { display: block; } .chart { width: 100%; height: 260px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendingChart {
  /** Cumulative spend at each month's end (元), 12 values; months after the last recorded one are not drawn. */
  readonly spent = input.required<readonly string[]>();
  readonly planned = input.required<readonly string[]>();
  readonly lastMonth = input<number>(12);
  readonly budget = input.required<string>();

  protected readonly label = computed(() => `支出进度图：各月底累计支出与累计计划（万元），预算 ${wanNumber(this.budget())} 万元`);

  protected readonly options = computed<EChartsCoreOption>(() => {
    const budget = wanNumber(this.budget());
    const last = this.lastMonth();
    return {
      animation: false,
      grid: { left: 64, right: 96, top: 40, bottom: 40 },
      legend: { top: 0, data: ['累计支出', '累计计划'] },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} 万元` : '—') },
      xAxis: { type: 'category', data: MONTHS.map((m) => `${m}月`), boundaryGap: false },
      yAxis: { type: 'value', name: '万元', min: 0 },
      series: [
        {
          name: '累计支出',
          type: 'line',
          data: this.spent().map((v, i) => (i + 1 <= last ? wanNumber(v) : null)),
          symbolSize: 7,
          lineStyle: { width: 3 },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#cf1322' },
            label: { position: 'insideEndTop', formatter: `预算 ${budget} 万元`, color: '#cf1322' },
            data: [{ yAxis: budget }],
          },
        },
        { name: '累计计划', type: 'line', data: this.planned().map(wanNumber), symbol: 'none', lineStyle: { type: 'dotted', width: 2 } },
      ],
    };
  });
}
