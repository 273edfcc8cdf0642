/**
 * Template leftovers (模板示例值未替换): the national form and many regional templates show where a
 * value goes with a stand-in — `≥**`, `**元`, `XX`, `xx人`, `X%`, `×××`, `某某`, `指标值`, `（填写）` —
 * and authors fill in around it. A target holding one cannot be measured (the rules on the target's
 * content stay silent: ReviewedIndicator.targetUnusable); a name holding one names nothing real.
 * What counts as a stand-in is `templateLeftoverIn` (review-text.ts).
 */
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext } from '../review-context';
import { isBlank, placeholderIn, templateLeftoverIn } from '../review-text';

/** TEMPLATE_LEFTOVER: at most one finding for the name and one for the target of each indicator. */
export function templateLeftoverRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    // A name that is the template's scaffolding (指标1：…) is PLACEHOLDER's already.
    if (!isBlank(indicator.nameKey) && placeholderIn(indicator.nameKey, 'name') === null) {
      const inName = templateLeftoverIn(indicator.nameKey, 'name');
      if (inName !== null) {
        findings.push(
          indicatorFinding(
            'TEMPLATE_LEFTOVER',
            indicator,
            `指标名称${quoted(indicator)}中的“${inName}”是模板的示例内容，请替换为实际的名称（如具体的对象、地区或事项）。`,
          ),
        );
      }
    }
    if (isBlank(indicator.targetKey) || placeholderIn(indicator.targetKey, 'target') !== null) continue;
    const inTarget = templateLeftoverIn(indicator.targetKey, 'target');
    if (inTarget !== null) {
      findings.push(
        indicatorFinding(
          'TEMPLATE_LEFTOVER',
          indicator,
          `${quoted(indicator)}的指标值“${indicator.target}”中的“${inTarget}”是模板的示例内容，不是目标值，请替换为实际的数值和单位（如 ≥95%、≥1000人次、≤30万元）。`,
        ),
      );
    }
  }
  return findings;
}
