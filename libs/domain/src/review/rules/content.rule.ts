/**
 * Rows not filled in (未填写): an empty name or target, or the template's scaffolding left in
 * (`指标 2:`, `.....`, a column label as the name). An empty target whose value was written in the
 * name column is TARGET_IN_NAME's (target-in-name.rule.ts), which says where the value is.
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext } from '../review-context';
import { isBlank, placeholderIn, valueInName } from '../review-text';

/** EMPTY_NAME, EMPTY_TARGET and PLACEHOLDER. */
export function contentRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    const nameBlank = isBlank(indicator.nameKey);
    if (nameBlank) {
      findings.push(
        indicatorFinding(
          'EMPTY_NAME',
          indicator,
          `${quoted(indicator)}（${indicator.input.level1}${indicator.input.level2 ? `/${indicator.input.level2}` : ''}）没有填写指标名称，请填写三级指标名称或删除该行。`,
        ),
      );
    } else {
      const inName = placeholderIn(indicator.nameKey, 'name');
      if (inName !== null) {
        findings.push(
          indicatorFinding(
            'PLACEHOLDER',
            indicator,
            `指标名称${quoted(indicator)}含有模板占位内容“${inName}”，请删除占位内容，写明实际的指标名称。`,
          ),
        );
      }
    }
    if (isBlank(indicator.targetKey)) {
      if (nameBlank || valueInName(indicator.nameKey) === null) {
        findings.push(
          indicatorFinding('EMPTY_TARGET', indicator, `${quoted(indicator)}的指标值为空，请填写目标值（如 ≥95%、≤30万元、12月底前）或删除该指标。`),
        );
      }
      continue;
    }
    const inTarget = placeholderIn(indicator.targetKey, 'target');
    if (inTarget !== null) {
      findings.push(
        indicatorFinding(
          'PLACEHOLDER',
          indicator,
          `${quoted(indicator)}的指标值“${indicator.target}”含有模板占位内容“${inTarget}”，请填写实际的目标值。`,
        ),
      );
    }
  }
  return findings;
}
