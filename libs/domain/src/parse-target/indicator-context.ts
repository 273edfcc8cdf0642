/**
 * What the indicator around a target tells the readers (指标上下文): its levels and name.
 */
import type { ParseContext } from '../target-spec';

/** 成本指标: the first or second level names 成本. */
export function isCostIndicator(context: ParseContext): boolean {
  return [context.level1, context.level2].some((level) => typeof level === 'string' && level.includes('成本'));
}

/** 时效指标, or a name about a time limit or date (完成时限, 参保缴费时间, 办结日期). */
export function isTimelinessIndicator(context: ParseContext): boolean {
  if (typeof context.level2 === 'string' && context.level2.includes('时效')) return true;
  if (typeof context.level1 === 'string' && context.level1.includes('时效')) return true;
  return /时限|时间|期限|日期|时效|进度|及时/.test(coreName(context));
}

/** The name without a comparison with last year (参保率较上年提高 → 参保率) nor a unit note. */
function coreName(context: ParseContext): string {
  return (context.name ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(?:较|同比|比上|比去|与上|相比|相较).*$/, '')
    .replace(/\([^()]*\)$/, '');
}

/**
 * The indicator's own value is a rate in % (比率): its name ends like …率, …比例, …占比, …比重,
 * …满意度, …覆盖面, or says `%`; or it sits under a satisfaction level (满意度指标).
 */
export function isRateIndicator(context: ParseContext): boolean {
  const name = (context.name ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (/%|百分比/.test(name)) return true;
  if (/(?<!频|效)(?:率|比例|比率|占比|比重|满意度|覆盖面|达标度)$/.test(coreName(context))) return true;
  return [context.level1, context.level2].some((level) => typeof level === 'string' && level.includes('满意度'));
}

/** A name that is itself a change (…增长率, …降幅, 新增…数): `增长5%` is then the value, not a change. */
export function isChangeIndicator(context: ParseContext): boolean {
  return /(?:增长|增加|提高|提升|上升|下降|降低|减少|压缩|缩短|节约)(?:率|幅度|比例|百分比|值|量|数|天数|时间|金额)?$|(?:增|降|涨|减)(?:幅|速)$|增量$|^新增/.test(
    coreName(context),
  );
}

/** A name that measures a duration in months (基金滚存结余可支配月数): `6-9月` is then a range of months. */
export function isMonthCountIndicator(context: ParseContext): boolean {
  return /(?:月数|个月数|时长|周期)$/.test(coreName(context));
}
