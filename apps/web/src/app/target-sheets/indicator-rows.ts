import type { IndicatorResponse } from '@jixiao/contracts/api/target-sheet.contract';

/** What grouping needs of an indicator (a sheet's indicator, a score row, a monitored indicator). */
export interface GroupedIndicator {
  order: number;
  level1: string;
  level2: string | null;
}

/** One table row of the indicator tree, with the row spans of the merged 一级/二级指标 cells. */
export interface IndicatorRow<T extends GroupedIndicator = IndicatorResponse> {
  indicator: T;
  /** Rows the 一级指标 cell spans; 0 when an earlier row already shows it. */
  level1Span: number;
  /** Rows the 二级指标 cell spans; 0 when an earlier row already shows it. */
  level2Span: number;
}

/**
 * Lays the indicators out as the national target table does: grouped by 一级指标, then 二级指标,
 * groups in the order they first appear (by `order`), indicators in `order` inside a group.
 */
export function buildIndicatorRows<T extends GroupedIndicator = IndicatorResponse>(indicators: readonly T[]): IndicatorRow<T>[] {
  const sorted = [...indicators].sort((a, b) => a.order - b.order);
  const level1Groups = new Map<string, Map<string | null, T[]>>();
  for (const indicator of sorted) {
    let level2Groups = level1Groups.get(indicator.level1);
    if (level2Groups === undefined) {
      level2Groups = new Map();
      level1Groups.set(indicator.level1, level2Groups);
    }
    const group = level2Groups.get(indicator.level2);
    if (group === undefined) level2Groups.set(indicator.level2, [indicator]);
    else group.push(indicator);
  }

  const rows: IndicatorRow<T>[] = [];
  for (const level2Groups of level1Groups.values()) {
    const level1Size = [...level2Groups.values()].reduce((sum, group) => sum + group.length, 0);
    let firstInLevel1 = true;
    for (const group of level2Groups.values()) {
      group.forEach((indicator, index) => {
        rows.push({
          indicator,
          level1Span: firstInLevel1 ? level1Size : 0,
          level2Span: index === 0 ? group.length : 0,
        });
        firstInLevel1 = false;
      });
    }
  }
  return rows;
}
