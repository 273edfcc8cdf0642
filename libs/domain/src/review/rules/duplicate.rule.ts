/**
 * Duplicate indicators (重复指标): the same name twice under one first-level group (whatever the
 * second level: a quality indicator copied into 时效指标 with its name unchanged is a duplicate), or
 * the same name with the same target anywhere in the sheet. Names are compared half-width, without
 * whitespace, trailing punctuation or a unit annotation (`参保率%` = `参保率`). The later row is reported.
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext, ReviewedIndicator } from '../review-context';
import { duplicateKey, isBlank } from '../review-text';

/** DUPLICATE_INDICATOR. */
export function duplicateRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const byGroupName = new Map<string, ReviewedIndicator>();
  const byNameTarget = new Map<string, ReviewedIndicator>();
  for (const indicator of context.indicators) {
    if (isBlank(indicator.nameKey)) continue;
    const name = duplicateKey(indicator.nameKey);
    const groupKey = JSON.stringify([indicator.level1Key, name]);
    const targetKey = JSON.stringify([name, indicator.targetKey]);
    const sameGroup = byGroupName.get(groupKey);
    const sameTarget = byNameTarget.get(targetKey);
    const first = sameGroup ?? sameTarget;
    if (first !== undefined) {
      const where =
        sameGroup === undefined
          ? `名称相同，指标值同为“${indicator.target}”`
          : first.level2Key === indicator.level2Key
            ? `名称相同，同在“${levelPath(indicator)}”下`
            : `名称相同，同属一级指标“${indicator.input.level1}”，第${first.index + 1}个指标在“${levelPath(first)}”下`;
      findings.push(
        indicatorFinding(
          'DUPLICATE_INDICATOR',
          indicator,
          `${quoted(indicator)}与第${first.index + 1}个指标重复（${where}），请删除重复的指标，或改写名称以区分。`,
        ),
      );
    }
    if (!byGroupName.has(groupKey)) byGroupName.set(groupKey, indicator);
    if (!byNameTarget.has(targetKey)) byNameTarget.set(targetKey, indicator);
  }
  return findings;
}

function levelPath(indicator: ReviewedIndicator): string {
  const { level1, level2 } = indicator.input;
  return level2 ? `${level1}/${level2}` : level1;
}
