import { Injectable, OnModuleInit } from '@nestjs/common';
import { IndicatorActualValue, Period, PERIODS_IN_YEAR_ORDER } from '@jixiao/domain';
import type { Tx } from '../../core/database/persistence';
import { PreviousYearValues } from '../../target-sheets/services/previous-year-values';
import { ExecutionRepository } from '../persistence/execution.repository';

/**
 * 上年实际完成值 beside a rolled-over indicator (结转): the final actual (全年) of last year's indicator,
 * else the latest round it was recorded in, so a sheet rolled over before year end still shows where
 * last year stood. Registered with target-sheets, which shows it (it does not depend on execution).
 */
@Injectable()
export class PreviousYearActuals implements OnModuleInit {
  constructor(
    private readonly previousYear: PreviousYearValues,
    private readonly execution: ExecutionRepository,
  ) {}

  onModuleInit(): void {
    this.previousYear.provideActuals((ids, tx) => this.latest(ids, tx));
  }

  async latest(indicatorIds: readonly string[], tx?: Tx): Promise<Map<string, { actual: IndicatorActualValue; period: Period }>> {
    const rank = (period: Period) => PERIODS_IN_YEAR_ORDER.indexOf(period);
    const latest = new Map<string, { actual: IndicatorActualValue; period: Period }>();
    for (const a of await this.execution.actualsOf(indicatorIds, undefined, tx)) {
      if (a.actual === null) continue;
      const kept = latest.get(a.indicatorId);
      if (kept === undefined || rank(a.period) > rank(kept.period)) latest.set(a.indicatorId, { actual: a.actual, period: a.period });
    }
    return latest;
  }
}
