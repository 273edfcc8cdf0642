import { Injectable } from '@nestjs/common';
import type { PreviousYearIndicatorResponse } from '@jixiao/contracts';
import { formatActualValue, IndicatorActualValue, Period } from '@jixiao/domain';
import type { Tx } from '../../core/database/persistence';
import type { IndicatorEntity } from '../entities/indicator.entity';
import { SheetRepository } from '../persistence/sheet.repository';

/** The latest actual of each indicator that has one: 全年 when recorded, else the latest round. */
export type LatestActualsReader = (indicatorIds: readonly string[], tx?: Tx) => Promise<Map<string, { actual: IndicatorActualValue; period: Period }>>;

/**
 * 上年指标值 and 上年实际完成值 beside each rolled-over indicator (结转): last year's target from this
 * context, its actual from execution, which registers its reader here (this context does not depend
 * on execution: execution depends on it).
 */
@Injectable()
export class PreviousYearValues {
  private actuals: LatestActualsReader | null = null;

  constructor(private readonly sheets: SheetRepository) {}

  provideActuals(reader: LatestActualsReader): void {
    this.actuals = reader;
  }

  /** For each indicator that refers to last year's, the values of that one, by the indicator's id. */
  async of(indicators: readonly Pick<IndicatorEntity, 'id' | 'previousIndicatorId'>[], tx?: Tx): Promise<Map<string, PreviousYearIndicatorResponse>> {
    const referenced = indicators.filter((i) => i.previousIndicatorId !== null);
    if (referenced.length === 0) return new Map();
    const previous = new Map((await this.sheets.referencedIndicators(referenced.map((i) => i.previousIndicatorId!), tx)).map((p) => [p.id, p]));
    const actuals = this.actuals === null ? new Map() : await this.actuals([...previous.keys()], tx);
    const values = new Map<string, PreviousYearIndicatorResponse>();
    for (const indicator of referenced) {
      const p = previous.get(indicator.previousIndicatorId!);
      if (p === undefined) continue;
      const recorded = actuals.get(p.id);
      values.set(indicator.id, {
        indicatorId: p.id,
        fiscalYear: p.fiscalYear,
        target: p.targetText,
        actual: recorded === undefined ? null : formatActualValue(recorded.actual, p.spec),
        actualPeriod: recorded?.period ?? null,
      });
    }
    return values;
  }
}
