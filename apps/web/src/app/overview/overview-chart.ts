import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/** One lazily loaded ECharts chart; clicking a category reports its index (drill-down). */
@Component({
  selector: 'jx-overview-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('../shared/charts-echarts').then((m) => m.echarts) })],
  template: `<div class="chart" echarts [options]="options()" [autoResize]="true" role="img" [attr.aria-label]="label()" (chartClick)="onClick($event)"></div>`,
  styles: `:host { display: block; } .chart { width: 100%; height: 280px; cursor: pointer; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewChart {
  readonly options = input.required<EChartsCoreOption>();
  readonly label = input.required<string>();
  readonly picked = output<number>();

  protected onClick(event: unknown): void {
    const index = (event as { dataIndex?: number }).dataIndex;
    if (typeof index === 'number') this.picked.emit(index);
  }
}
