/**
 * Unit fit (计量单位与指标名称): conservative, explainable heuristics. The end of a name says what it
 * measures (…人数 a head count, …率 a rate, …响应时间 a duration, …经费 an amount of money); a
 * target whose unit is of a kind that measure can never have is reported. Units the helpers do not
 * recognise, bare magnitudes (`万`) and targets without a unit are never reported.
 *
 * A target relative to last year (`较上年提高5%`, DESIGN §3) states a change, and its unit is the
 * change's: a relative change (`change: 'percent'`) is a share of any measure — money, counts, days —
 * and `%` with no `change` given is either that or percentage points on a rate (the parse decides and
 * warns), so neither is a mismatch. A change in percentage points (`change: 'points'`, or a unit
 * `个百分点` with no `change` given: `下降2个百分点`)
 * is a difference of two rates: reported on an indicator that is not a rate (an amount, a count, a
 * duration). A change in the target's own unit (`change: 'unit'`, `增加3家`) is checked like a number.
 */
import type { TargetSpec } from '../../target-spec';
import { normalizeUnit, UnitKind, unitKind } from '../../units';
import type { ReviewFinding } from '../review.types';
import { indicatorFinding, quoted, ReviewContext, ReviewedIndicator } from '../review-context';
import { splitNameUnit } from '../review-text';

/** What a name measures, recognised by how it ends, and the unit kinds it can never have. */
interface NameMeasure {
  label: string; // 人数 … (for the message)
  pattern: RegExp; // on the name without a unit annotation
  forbidden: readonly UnitKind[];
  hint: string; // the units that would fit (for the message)
}

const NAME_MEASURES: readonly NameMeasure[] = [
  {
    // 人数, 人次, 户数, 次数, 家数 …: a count (数量)
    label: '数量',
    pattern: /(?:人数|人次|户数|户次|次数|个数|家数|件数|台数|张数|卷数|场次|例数|批次)$/,
    forbidden: ['money', 'percent', 'time'],
    hint: '人、人次、户、次、家等计数单位',
  },
  {
    // 响应时间, 处理时长, 天数, 月数 …: a duration (时长)
    label: '时长',
    pattern: /(?:时间|时长|用时|耗时|天数|月数|小时数|工作日数|周期)$/,
    forbidden: ['money', 'percent', 'count'],
    hint: '分钟、小时、天、工作日等时间单位',
  },
  {
    // 率, 比例, 占比 (not 频率, 效率): a rate (比率)
    label: '比率',
    pattern: /(?<!频|效)(?:率|比例|比率|占比|比重)$/,
    forbidden: ['money', 'count', 'time'],
    hint: '%',
  },
  {
    label: '满意度',
    pattern: /满意度$/,
    forbidden: ['money', 'count', 'time'],
    hint: '%',
  },
  {
    // 金额, 资金, 经费, …费, 成本, 单价, 补助标准: an amount of money (金额)
    label: '金额',
    pattern: /(?:金额|资金|经费|费用|费|工资|薪酬|成本|单价|(?:补助|补贴|缴费|收费)标准)$/,
    forbidden: ['percent', 'count', 'time'],
    hint: '元、万元等金额单位',
  },
];

const KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  money: '金额单位',
  percent: '百分比',
  count: '计数单位',
  time: '时间单位',
  ratio: '倍数',
  other: '其他单位',
};

/** UNIT_MISMATCH: at most one finding per indicator. */
export function unitRule(context: ReviewContext): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const indicator of context.indicators) {
    if (indicator.targetUnusable) continue;
    const message = indicator.spec.kind === 'relative' ? relativeMismatch(indicator, indicator.spec) : unitMismatch(indicator, unitOf(indicator.spec));
    if (message !== null) findings.push(indicatorFinding('UNIT_MISMATCH', indicator, message));
  }
  return findings;
}

function unitMismatch(indicator: ReviewedIndicator, unit: string | null): string | null {
  const kind = unitKind(unit);
  if (unit === null || kind === null || kind === 'other') return null;
  return mismatch(indicator, unit, kind);
}

type RelativeSpec = Extract<TargetSpec, { kind: 'relative' }>;

/** The unit of a target relative to last year, read as the change it states (see the file comment). */
function relativeMismatch(indicator: ReviewedIndicator, spec: RelativeSpec): string | null {
  const unit = normalizeUnit(spec.unit);
  const kind = unitKind(unit);
  // 个百分点 says points whatever the parse set; a bare % is the parse's to decide.
  const change = spec.change ?? (unit === '百分点' || unit === '个百分点' ? 'points' : undefined);
  if (change === 'percent') return null;
  if (change === undefined && kind === 'percent') return null;
  if (change !== 'points') return unitMismatch(indicator, unit);
  const measure = measureOf(indicator);
  if (measure === null || !measure.forbidden.includes('percent')) return null;
  return `${quoted(indicator)}是${measure.label}指标，指标值“${indicator.target}”按百分点计算变化，而百分点只用于比率类指标；请改为按增减幅度（如 较上年增长5%）或按${measure.hint}写明增减量。`;
}

/** What the name measures: a unit written in it (响应时间（分钟）) or how it ends; `null` when it does not say. */
function measureOf(indicator: ReviewedIndicator): Pick<NameMeasure, 'label' | 'forbidden' | 'hint'> | null {
  const { core, unit: declared } = splitNameUnit(indicator.nameKey);
  const declaredKind = unitKind(declared);
  if (declared !== null && declaredKind !== null && declaredKind !== 'other') {
    const byKind = NAME_MEASURES.find((m) => m.pattern.test(core) && !m.forbidden.includes(declaredKind));
    if (byKind !== undefined) return byKind;
    return declaredKind === 'percent' ? null : { label: KIND_MEASURE_LABELS[declaredKind], forbidden: ['percent'], hint: `“${declared}”` };
  }
  return NAME_MEASURES.find((m) => m.pattern.test(core)) ?? null;
}

/** What a name measures when it declares a unit of this kind (响应时间（分钟） measures a duration). */
const KIND_MEASURE_LABELS: Readonly<Record<Exclude<UnitKind, 'other' | 'percent'>, string>> = {
  money: '金额',
  count: '数量',
  time: '时长',
  ratio: '倍数',
};

function mismatch(indicator: ReviewedIndicator, unit: string, kind: UnitKind): string | null {
  const { core, unit: declared } = splitNameUnit(indicator.nameKey);
  // A unit written in the name (响应时间（分钟）, 参保率%) is what the target must use.
  const declaredKind = unitKind(declared);
  if (declared !== null && declaredKind !== null && declaredKind !== 'other') {
    if (declaredKind === kind) return null;
    return `${quoted(indicator)}的名称写明单位“${declared}”，指标值“${indicator.target}”的单位却是“${unit}”，请统一计量单位。`;
  }
  const measure = NAME_MEASURES.find((m) => m.pattern.test(core));
  if (measure !== undefined) {
    if (!measure.forbidden.includes(kind)) return null;
    return `${quoted(indicator)}是${measure.label}指标，指标值“${indicator.target}”的单位“${unit}”是${KIND_LABELS[kind]}，与指标名称不符，请改用${measure.hint}。`;
  }
  // A cost indicator (成本指标) is an amount of money or a control rate, not a count or a duration.
  if (indicator.isCost && (kind === 'count' || kind === 'time')) {
    return `成本指标${quoted(indicator)}的指标值“${indicator.target}”以“${unit}”计，不是金额，请改写为金额（如 ≤10万元）或将其移到数量、时效指标下。`;
  }
  return null;
}

function unitOf(spec: TargetSpec): string | null {
  switch (spec.kind) {
    case 'numeric':
    case 'range':
    case 'relative':
      return normalizeUnit(spec.unit);
    default:
      return null;
  }
}
