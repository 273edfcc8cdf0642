/**
 * Years (年度): a target or name that names another year than the sheet's (`2023年全年` in a 2024
 * sheet) was most often copied from last year's sheet. A year written as a comparison (`较2023年`,
 * `2023年同期`) is not reported. In a target it is an error; in a name a warning, since a name may
 * rightly name the year of a fund (`提前下达2023年…补助资金`).
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext } from '../review-context';
import { namedYears } from '../review-text';

/** OTHER_YEAR: at most one finding for the target and one for the name of each indicator. */
export function yearRule(context: ReviewContext): ReviewFinding[] {
  const { fiscalYear } = context.sheet;
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    const inTarget = namedYears(indicator.targetKey).filter((year) => year !== fiscalYear);
    if (inTarget.length > 0) {
      findings.push(
        indicatorFinding(
          'OTHER_YEAR',
          indicator,
          `${quoted(indicator)}的指标值“${indicator.target}”写的是${inTarget.join('、')}年，与预算年度${fiscalYear}年不符，请改为${fiscalYear}年的目标。`,
          'error',
        ),
      );
    }
    const inName = namedYears(indicator.nameKey).filter((year) => year !== fiscalYear);
    if (inName.length > 0) {
      findings.push(
        indicatorFinding(
          'OTHER_YEAR',
          indicator,
          `指标名称${quoted(indicator)}写的是${inName.join('、')}年，与预算年度${fiscalYear}年不符，请核实年份是否应为${fiscalYear}年。`,
          'warning',
        ),
      );
    }
  }
  return findings;
}
