/**
 * A target written in the name column (目标值写在指标名称中): the 三级指标 name holds the value
 * (`参保率≥95%`, `≥1000人次`, `培训人次不少于1000人次`) — copied from a table whose columns were merged,
 * or typed into the wrong cell. The name is what the reports print and the evaluation compares
 * across years, so the value must stand in the target column alone.
 *
 * - target empty: an error (nothing to measure; EMPTY_TARGET stays silent, this says where the value is);
 * - the name is only a value (`≥1000人次`): an error, whatever the target (the indicator has no name);
 * - a different target (`参保率≥95%` with `≥97%`): an error (which one holds?);
 * - the same value again (`参保率≥95%` with `≥95%`): a warning — measurable, only the name to tidy.
 *
 * A bare number with a unit at the end of a name (`参保人数1000人`) may belong to the name; it is
 * reported only with an empty target or the same value in the target. See `valueInName`.
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext } from '../review-context';
import { isBlank, valueInName } from '../review-text';

/** TARGET_IN_NAME: at most one finding per indicator. */
export function targetInNameRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    if (isBlank(indicator.nameKey)) continue;
    const found = valueInName(indicator.nameKey);
    if (found === null) continue;
    const { value, core } = found;
    const targetBlank = isBlank(indicator.targetKey);
    const repeated = !targetBlank && sameNumbers(value, indicator.targetKey);
    if (!targetBlank && !repeated && !found.withOperator) continue;

    if (core === '') {
      findings.push(
        indicatorFinding(
          'TARGET_IN_NAME',
          indicator,
          targetBlank || repeated
            ? `指标名称栏写的是目标值${quoted(indicator)}，没有写明衡量什么；请在名称栏写明指标名称（如“参保人数”“培训人次”），把“${value}”填在指标值栏。`
            : `指标名称栏写的是目标值${quoted(indicator)}，与指标值“${indicator.target}”不一致；请在名称栏写明指标名称（如“参保人数”“培训人次”），并核对指标值。`,
          'error',
        ),
      );
    } else if (targetBlank) {
      findings.push(
        indicatorFinding(
          'TARGET_IN_NAME',
          indicator,
          `目标值“${value}”写在了指标名称${quoted(indicator)}中，指标值栏却为空；请把“${value}”移到指标值栏，指标名称只写“${core}”。`,
          'error',
        ),
      );
    } else if (repeated) {
      findings.push(
        indicatorFinding(
          'TARGET_IN_NAME',
          indicator,
          `指标名称${quoted(indicator)}中重复写了目标值“${value}”；请从名称中删去，指标名称只写“${core}”，目标值只填在指标值栏。`,
          'warning',
        ),
      );
    } else {
      findings.push(
        indicatorFinding(
          'TARGET_IN_NAME',
          indicator,
          `指标名称${quoted(indicator)}中写有目标值“${value}”，与指标值“${indicator.target}”不一致；请删去名称中的目标值（名称只写“${core}”），并核对指标值。`,
          'error',
        ),
      );
    }
  }
  return findings;
}

/** The same numbers in the same order (`≥95%` and `95%以上`, `≥1000人次` and `1000人次`). */
function sameNumbers(a: string, b: string): boolean {
  const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  return x.length > 0 && x.length === y.length && x.every((n, k) => n === y[k]);
}
