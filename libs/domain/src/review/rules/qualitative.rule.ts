/**
 * Quantity and quality indicators (数量指标, 质量指标) must be measurable (DESIGN §5: "a quantity or
 * quality indicator has only a qualitative target"): a qualitative target (`及时准确`, `有所提升`,
 * `全覆盖`) leaves nothing to measure at year end — it can only be graded 达成/部分达成/未达成.
 *
 * Which indicators — under the first level 产出 only (cost indicators excepted: COST_NOT_QUANTIFIED
 * covers them; 效益 and 满意度 indicators may be qualitative under the national rules):
 * 1. a second level naming 数量 or 质量;
 * 2. where the second level is missing (most department-wide and many project sheets) or is not one
 *    of the standard ones (重点工作任务完成, 履职目标实现 …), the name says it: a count (…人数, …次数,
 *    …规模), a coverage (…覆盖, …覆盖面, …覆盖范围) or a rate (…率, …比例), timeliness rates (…及时率)
 *    excepted — `及时` under a 及时率 is the usual way of writing a timeliness target (时效指标), which
 *    this rule does not judge;
 * 3. there too, whatever the name, a target that claims an amount without giving it: a coverage
 *    (`全覆盖` = all of something) or a change (`有所提升`, `显著提升`, `稳步提高`, `逐步完善`) — an
 *    output (产出) that is neither timeliness nor cost is a quantity or a quality, and this target says
 *    it will grow without saying by how much. Names about timeliness (…及时性, …时限) and money
 *    (…成本, …经费: a cost by its content) are left out.
 * Second levels 时效, 成本, 效益, 满意 are never judged here.
 *
 * `全覆盖` is reported too, also under an explicit 数量指标. It reads as 100%, but DESIGN §3 parses it
 * as a qualitative target, so it would be scored as a tier, not a completion rate; and a 数量指标's
 * target is a number (`≥25家`). The finding is a warning (no acknowledgement needed to submit) and
 * its message gives the one-word fix (`=100%`, or the count covered).
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext, ReviewedIndicator } from '../review-context';
import { splitNameUnit } from '../review-text';

type Role = 'quantity' | 'quality' | 'output';

const ROLE_LABELS: Readonly<Record<Role, string>> = { quantity: '数量指标', quality: '质量指标', output: '产出指标' };
const ROLE_EXAMPLES: Readonly<Record<Role, string>> = {
  quantity: '≥1000人次、≥4次',
  quality: '≥95%、=100%',
  output: '≥95%、≥1000人次',
};

/** Second levels that are neither quantity nor quality. */
const OTHER_LEVEL2 = /时效|成本|效益|满意/;
const COUNT_NAME = /(?:人数|人次|户数|户次|次数|个数|家数|件数|台数|张数|卷数|场次|例数|批次|数量|规模)$/;
const COVERAGE_NAME = /覆盖(?:面|范围|地区|区域|人群|对象)?$/;
const RATE_NAME = /(?<!频|效)(?:率|比例|比率|占比)$/;
const TIMELINESS_NAME = /及时|时限|时效|按时|时间|时长|期限|进度/;
/** Names about money: a cost by its content, which the cost rule, not this one, asks to quantify. */
const MONEY_NAME = /成本|(?:费用|经费|资金|预算|金额)$/;

/** A coverage claimed without a number: `全覆盖`, `符合资助条件全覆盖`, `实现全员覆盖`. */
const COVERAGE_CLAIM = /(?:全|全部|全员|全面|完全)覆盖|覆盖(?:全部|所有)/;
/** A change claimed without its size: `提升`, `有所提升`, `显著提升`, `稳步提高`, `逐步完善`, `持续降低`. */
const CHANGE_CLAIM =
  /^(?:得到|实现|有所|显著|明显|稳步|逐步|逐年|持续|不断|进一步|有效|大幅度?|全面|切实|较大|较上年)*(?:提升|提高|增强|增加|增长|改善|完善|健全|加强|强化|优化|降低|减少|下降|减轻)(?:明显|显著)?$/;

type Claim = 'coverage' | 'change' | 'other';

/** QUALITATIVE_QUANTITY. */
export function qualitativeRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    if (indicator.targetUnusable || indicator.spec.kind !== 'qualitative') continue;
    const claim = claimOf(indicator.targetKey);
    const role = roleOf(indicator, claim);
    if (role === null) continue;
    findings.push(indicatorFinding('QUALITATIVE_QUANTITY', indicator, message(indicator, role, claim)));
  }
  return findings;
}

function claimOf(targetKey: string): Claim {
  if (COVERAGE_CLAIM.test(targetKey)) return 'coverage';
  if (CHANGE_CLAIM.test(targetKey)) return 'change';
  return 'other';
}

function roleOf(indicator: ReviewedIndicator, claim: Claim): Role | null {
  if (!indicator.level1Key.includes('产出') || indicator.isCost) return null;
  if (indicator.level2Key.includes('数量')) return 'quantity';
  if (indicator.level2Key.includes('质量')) return 'quality';
  if (OTHER_LEVEL2.test(indicator.level2Key)) return null;
  const { core } = splitNameUnit(indicator.nameKey);
  if (COUNT_NAME.test(core) || COVERAGE_NAME.test(core)) return 'quantity';
  if (RATE_NAME.test(core) && !/及时率$/.test(core)) return 'quality';
  if (claim !== 'other' && !TIMELINESS_NAME.test(core) && !MONEY_NAME.test(core)) return 'output';
  return null;
}

function message(indicator: ReviewedIndicator, role: Role, claim: Claim): string {
  const what = `${quoted(indicator)}是${ROLE_LABELS[role]}，指标值“${indicator.target}”`;
  switch (claim) {
    case 'coverage':
      return `${what}是定性表述，年终只能按“达成/未达成”分档，不能按完成率计分；请写明覆盖程度或覆盖数量（如 覆盖率 =100%、≥25家）。`;
    case 'change':
      return `${what}只表明变化的方向，没有写明幅度或要达到的水平，年终无法衡量是否完成；请写明可量化的目标值（如 ${ROLE_EXAMPLES[role]}、较上年提高5%）。`;
    case 'other':
      return `${what}只是定性描述，无法衡量完成情况，请改为可量化的目标值（如 ${ROLE_EXAMPLES[role]}）。`;
  }
}
