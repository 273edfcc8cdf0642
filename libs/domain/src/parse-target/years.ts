/**
 * Years written in a target (年度): 2023年, 2024年度, 2024-12-31, 2023.07-2024.01. A year other than
 * the fiscal year is reported (OTHER_YEAR), except the previous year named as the base of a
 * comparison (较2023年提高, 不低于2023年水平), which is what 上年 means.
 */
import type { ParseWarning } from '../target-spec';
import { warn } from './reading';

/** A year followed by 年, or by a month in a date (2024-12-31, 2024.12, 2023.07-2024.01). */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?=年|[-/.](?:0?[1-9]|1[0-2])(?:[-/.至到]|$|月|日|号|前|之前|以前|底|末|完成))/g;

/** Words before a year that make it the base of a comparison (较2023年, 比2023年). */
const COMPARED_BEFORE = /(?:较|比|与|同|和|对比|相比|相较于?|低于|高于|超过|不低于|不高于|不少于|不超过|基于|≥|≤|>|<|=)$/;
/** Words after a year that make it a baseline (2023年同期, 2023年水平, 2023年基础上). */
const COMPARED_AFTER = /^年度?(?:同期|水平|基础|基数|的|实际|末|底数|相比|数据)|^年度?(?:提高|提升|增长|增加|上升|下降|降低|减少)/;

interface NamedYear {
  year: number;
  compared: boolean;
}

function yearsIn(text: string): NamedYear[] {
  const found: NamedYear[] = [];
  for (const m of text.matchAll(YEAR)) {
    const start = m.index ?? 0;
    const compared = COMPARED_BEFORE.test(text.slice(0, start)) || COMPARED_AFTER.test(text.slice(start + 4));
    found.push({ year: Number(m[1]), compared });
  }
  return found;
}

/** OTHER_YEAR for every year other than the fiscal year (a compared previous year excepted). */
export function otherYearWarnings(text: string, fiscalYear: number | undefined): ParseWarning[] {
  if (fiscalYear === undefined) return [];
  const years = new Set<number>();
  for (const { year, compared } of yearsIn(text)) {
    if (year === fiscalYear || (compared && year === fiscalYear - 1)) continue;
    years.add(year);
  }
  return [...years].map((year) => warn('OTHER_YEAR', `指标值写的是${year}年，与预算年度${fiscalYear}年不一致。`));
}

/** Removes year mentions (2024年, 2024年度) so the number that is the target stands alone. */
export function withoutYears(text: string): string {
  return text.replace(/(?<!\d)(?:19|20)\d{2}年度?/g, '');
}
