import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { yuanToWan } from '@jixiao/domain/money';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/** A point of the spending plan: cumulative 元 (two-decimal string) by the end of a month. */
export interface PlanChartPoint {
  month: number;
  cumulativeAmount: string;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 资金支出计划 as a line: the cumulative planned amount (万元) at each month's end, with the
 * 资金总额 as a reference line. Amounts are converted to 万元 numbers for display only.
 */
@Component({
  selector: 'jx-plan-chart',
  imports: [NgxEchartsDirective],
  // echarts (core + line chart, grid, tooltip, markLine, canvas) is a chunk of its own, fetched with the first chart.
  providers: [provideEchartsCore({ echarts: () => import('./plan-chart-echarts').then((m) => m.echarts) })],
  template: `<div class="plan-chart" echarts [options]="options()" [autoResize]="true" role="img" [attr.aria-label]="label()"></div>`,
  styles: `
    :host { display: block; }
    .plan-chart { width: 100%; height: 260px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanChart {
  readonly points = input.required<readonly PlanChartPoint[]>();
  /** 资金总额 in 元; null when unknown (no reference line). */
  readonly total = input<string | null>(null);

  private readonly series = computed(() => {
    const byMonth = new Map<number, number>();
    for (const point of this.points()) {
      const wan = toWan(point.cumulativeAmount);
      if (wan !== null && point.month >= 1 && point.month <= 12) byMonth.set(point.month, wan);
    }
    return MONTHS.map((month) => byMonth.get(month) ?? null);
  });

  private readonly totalWan = computed(() => {
    const total = this.total();
    return total === null ? null : toWan(total);
  });

  protected readonly label = computed(() => {
    const total = this.totalWan();
    return `资金支出计划图：各月底累计计划支出（万元）${total !== null ? `，预算总额 ${total} 万元` : ''}`;
  });

  protected readonly options = computed<EChartsCoreOption>(() => {
    const data = this.series();
    const total = this.totalWan();
    const highest = Math.max(0, ...data.filter((v): v is number => v !== null), total ?? 0);
    return {
      animation: false,
      grid: { left: 64, right: 96, top: 36, bottom: 40 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value} 万元` : '—'),
      },
      xAxis: {
        type: 'category',
        name: '月份',
        nameLocation: 'middle',
        nameGap: 26,
        data: MONTHS.map((m) => `${m}月`),
        boundaryGap: false,
      },
      yAxis: {
        type: 'value',
        name: '累计计划支出（万元）',
        nameTextStyle: { align: 'left' },
        min: 0,
        max: highest > 0 ? niceCeil(highest * 1.08) : undefined,
      },
      series: [
        {
          name: '累计计划支出',
          type: 'line',
          data,
          connectNulls: true,
          symbolSize: 7,
          lineStyle: { width: 2 },
          areaStyle: { opacity: 0.08 },
          markLine:
            total === null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#cf1322' },
                  label: { position: 'insideEndTop', formatter: `预算总额 ${total} 万元`, color: '#cf1322' },
                  data: [{ yAxis: total, name: '预算总额' }],
                },
        },
      ],
    };
  });
}

function toWan(yuan: string): number | null {
  try {
    const value = Number(yuanToWan(yuan, 4));
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

function niceCeil(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = magnitude / 2;
  return Math.ceil(value / step) * step;
}
