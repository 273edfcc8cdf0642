/**
 * Quantity and quality indicators (数量指标, 质量指标) must be measurable: a qualitative target
 * (`及时准确`, `提升`) leaves nothing to measure at year end.
 *
 * Which indicators: under the first level 产出 (cost indicators excepted: COST_NOT_QUANTIFIED covers
 * them), those whose second level names 数量 or 质量; where the second level is missing or is not one
 * of the standard ones (时效指标 …), those whose name is a count (…人数, …次数, …规模) or a rate
 * (…率, …比例), timeliness rates (…及时率) excepted — `及时` under a 及时率 is the common way of
 * writing a timeliness target (时效指标), which this rule does not judge.
 * `全覆盖` reads as 100% and is accepted.
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext, ReviewedIndicator } from '../review-context';
import { splitNameUnit } from '../review-text';

type Role = 'quantity' | 'quality';

const ROLE_LABELS: Readonly<Record<Role, string>> = { quantity: '数量指标', quality: '质量指标' };
const ROLE_EXAMPLES: Readonly<Record<Role, string>> = { quantity: '≥1000人次、≥4次', quality: '≥95%、=100%' };

/** Second levels that are neither quantity nor quality. */
const OTHER_LEVEL2 = /时效|成本|效益|满意/;
const COUNT_NAME = /(?:人数|人次|户数|户次|次数|个数|家数|件数|台数|张数|卷数|场次|例数|批次|数量|规模)$/;
const RATE_NAME = /(?<!频|效)(?:率|比例|比率|占比)$/;
const TIMELINESS_NAME = /及时率$/;
/** Qualitative words that state a full measure (全覆盖 = 100%). */
const ACCEPTED_TARGETS: readonly string[] = ['全覆盖', '全部覆盖', '全员覆盖'];

/** QUALITATIVE_QUANTITY. */
export function qualitativeRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    if (indicator.targetUnusable || indicator.spec.kind !== 'qualitative') continue;
    if (ACCEPTED_TARGETS.includes(indicator.targetKey)) continue;
    const role = roleOf(indicator);
    if (role === null) continue;
    findings.push(
      indicatorFinding(
        'QUALITATIVE_QUANTITY',
        indicator,
        `${quoted(indicator)}是${ROLE_LABELS[role]}，指标值“${indicator.target}”只是定性描述，无法衡量完成情况，请改为可量化的目标值（如 ${ROLE_EXAMPLES[role]}）。`,
      ),
    );
  }
  return findings;
}

function roleOf(indicator: ReviewedIndicator): Role | null {
  if (!indicator.level1Key.includes('产出') || indicator.isCost) return null;
  if (indicator.level2Key.includes('数量')) return 'quantity';
  if (indicator.level2Key.includes('质量')) return 'quality';
  if (OTHER_LEVEL2.test(indicator.level2Key)) return null;
  const { core } = splitNameUnit(indicator.nameKey);
  if (COUNT_NAME.test(core)) return 'quantity';
  if (RATE_NAME.test(core) && !TIMELINESS_NAME.test(core)) return 'quality';
  return null;
}
