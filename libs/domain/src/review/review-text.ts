/**
 * Text helpers of the review rules: normalising what users typed, and reading what an indicator's
 * name says about itself.
 */
import { isKnownUnit, leadingUnit, normalizeUnit } from '../units';

/** Half-width (NFKC: ％ → %, full-width digits → ASCII, （ → ( ), no whitespace. */
export function compact(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').replace(/\s+/g, '');
}

/** Empty, or only a dash or slash (as empty table cells are often written). */
export function isBlank(key: string): boolean {
  return key === '' || /^[-—–_/\\、]+$/.test(key);
}

/** Words of the national template (绩效目标表模板) that are labels, not content. */
const TEMPLATE_NAMES: readonly string[] = [
  '指标', '指标名称', '指标内容', '三级指标', '二级指标', '一级指标', '具体指标', '绩效指标', '指标名',
  '产出指标', '数量指标', '质量指标', '时效指标', '成本指标', '效益指标', '经济效益指标', '社会效益指标',
  '生态效益指标', '可持续影响指标', '满意度指标', '服务对象满意度指标',
];

/**
 * The placeholder (模板占位内容) left in a name or target, or `null`: the template's scaffolding
 * rather than a value — a numbering prefix (`指标 2:`, `指标1：`), a row of dots (`.....`), or a
 * template column label as the whole name (`三级指标`). Stand-ins for a value (`XX`, `**`, `指标值`)
 * are template leftovers (`templateLeftoverIn`). `key` must be compact.
 */
export function placeholderIn(key: string, what: 'name' | 'target'): string | null {
  const numbered = /^指标\d+[:：.、]?|^(?:目标|任务)\d+[:：]/.exec(key);
  if (numbered !== null) return numbered[0];
  if (/^[.。…·,，、]+$/.test(key) && key.length >= 2) return key;
  const dots = /\.{4,}|…{2,}|。{3,}/.exec(key);
  if (dots !== null) return dots[0];
  return what === 'name' && TEMPLATE_NAMES.includes(key) ? key : null;
}

/** Template words standing for the value as the whole target (`指标值`, `请填写`, `待定`). */
const TEMPLATE_TARGETS: readonly string[] = [
  '指标值', '目标值', '年度指标值', '年度目标值', '指标值(包含数字及文字描述)', '请填写', '请输入', '待定', '待填', '待填写', '待补充',
];

/** Stand-ins for a number or a word of the template (`XX`, `xx人`, `×××`, `某某`); Latin words (DRG, DIP) are not. */
const REPEATED_MARKS = /(?<![A-Za-z])(?:[Xx]{2,}|×{2,}|某某)(?![A-Za-z])/;
/** Asterisks in place of a number (`≥**`, `**元`), not a multiplication between digits. */
const ASTERISKS = /(?<!\d)\*+(?!\d)/;
/** A bracketed instruction of the template (`（填写）`, `(请填写具体数值)`, `【填写】`). */
const INSTRUCTION = /[(【[](?:请)?(?:填写|填报|填入|输入)[^()【】[\]]{0,12}[)】\]]/;
/** One `X` or `×` in place of a number: before `%` or a unit, after an operator, or alone. */
const SINGLE_MARK = /(?<![A-Za-z\d×])[Xx×](?![A-Za-z\d×])/g;

/**
 * The template leftover (模板示例值) in a name or target, or `null`: a stand-in the template puts
 * where the real value goes — `≥**`, `**元`, `XX`, `xx人`, `X%`, `×××`, `某某`, `（填写）`, and in a
 * target the template's words for it (`指标值`, anywhere; `目标值`, `请填写`, `待定` as the whole
 * target). A single `X` counts in a target only where a number belongs (`X%`, `≥X`, `X万元`), so an
 * `X光` stays a word. `key` must be compact.
 */
export function templateLeftoverIn(key: string, what: 'name' | 'target'): string | null {
  const found = ASTERISKS.exec(key) ?? REPEATED_MARKS.exec(key) ?? INSTRUCTION.exec(key);
  if (found !== null) return found[0];
  if (what === 'name') return null;
  if (TEMPLATE_TARGETS.includes(key)) return key;
  if (key.includes('指标值')) return '指标值';
  for (const m of key.matchAll(SINGLE_MARK)) {
    const start = m.index ?? 0;
    const before = key.slice(0, start);
    const after = key.slice(start + 1);
    if (after === '' || /^(?:%|‰|个?百分点)/.test(after) || leadingUnit(after) !== null || /[≥≤<>=≧≦于过少多]$/.test(before)) {
      return m[0];
    }
  }
  return null;
}

/** The value a name holds (`参保率≥95%` → `≥95%`), and the name without it. */
export interface ValueInName {
  value: string; // compact, as written in the name
  core: string; // the name before the value, compact; '' when the name is only a value
  /** True with an operator (`≥`, `不低于`) or `以上`/`以内`: surely a target; a bare `95%` may be part of a name. */
  withOperator: boolean;
}

const NAME_OPERATOR = '(?:>=|<=|≥|≤|≧|≦|>|<|=|不低于|不少于|不小于|不高于|不大于|不超过|不多于)';
const NAME_VALUE = new RegExp(`(${NAME_OPERATOR})?((?<![\\d.])\\d+(?:\\.\\d+)?)([^\\d]{0,10}?)(以上|以内|以下|及以上|及以下|左右)?$`);
/** Words joining a name to its value (`参保率达到95%`, `人数为`), dropped from the core. */
const JOINING = /(?:达到|达|为|是|:|：|,|，)$/;

/**
 * The target written in the name column (目标值写在指标名称中), or `null`: a number with an operator
 * or a unit at the end of the name (`参保率≥95%`, `培训人次不少于1000人次`, `≥1000人次`), also in a
 * closing bracket (`参保率（≥95%）`). A bare number needs a unit (`参保人数1000人`); a year (`2024年`)
 * and numbering inside a name (`年度履职目标1实现率`) are not values. `nameKey` must be compact.
 */
export function valueInName(nameKey: string): ValueInName | null {
  const bracket = /\(([^()]{1,16})\)$/.exec(nameKey);
  if (bracket !== null && bracket[1] !== undefined) {
    const inner = readNameValue(bracket[1]);
    if (inner !== null && inner.core === '') return { ...inner, core: nameKey.slice(0, bracket.index).replace(JOINING, '') };
  }
  return readNameValue(nameKey);
}

function readNameValue(key: string): ValueInName | null {
  const m = NAME_VALUE.exec(key);
  if (m === null) return null;
  const [whole, operator, number = '', unit = '', bound] = m;
  const withOperator = operator !== undefined || bound !== undefined;
  if (unit === '' ? !withOperator : unit !== '%' && unit !== '‰' && !isKnownUnit(unit)) return null;
  if (/^(?:19|20)\d{2}$/.test(number) && /^年/.test(unit)) return null; // 2024年: a year
  return { value: whole, core: key.slice(0, m.index).replace(JOINING, ''), withOperator };
}

/**
 * A unit written at the end of a name (`响应时间（分钟）`, `参保率%`), normalised, or `null`; and the
 * name without it. Only a recognised unit counts (`（医疗保障服务能力提升部分）` is not one).
 */
export function splitNameUnit(nameKey: string): { core: string; unit: string | null } {
  if (nameKey.endsWith('%')) return { core: nameKey.slice(0, -1), unit: '%' };
  const bracketed = /\(([^()]{1,8})\)$/.exec(nameKey);
  if (bracketed !== null && bracketed[1] !== undefined) {
    const unit = normalizeUnit(bracketed[1]);
    if (isKnownUnit(unit)) return { core: nameKey.slice(0, bracketed.index), unit };
  }
  return { core: nameKey, unit: null };
}

/** The name as compared for duplicates: compact, no trailing punctuation or unit annotation. */
export function duplicateKey(nameKey: string): string {
  return splitNameUnit(nameKey.replace(/[。.,，;；:：、]+$/u, '')).core;
}

/** Words before a year that make it a comparison, not the year of the target (较2023年, 比2023年). */
const COMPARED_BEFORE = /(?:较|比|与|同|和|对比|相比|低于|高于|超过|不低于|不高于|不少于|不超过|基于)$/;
/** Words after a year that make it a baseline (2023年同期, 2023年水平, 2023年基础上). */
const COMPARED_AFTER = /^年度?(?:同期|水平|基础|基数|的?实际|末|底数)/;

/**
 * Years a text names (2023年, 2023年度, 2023-12-31) other than as a comparison. `key` must be compact.
 * Document numbers (冀财社【2023】208号) are not followed by 年 and are not read.
 */
export function namedYears(key: string): number[] {
  const years: number[] = [];
  for (const m of key.matchAll(/(?<!\d)((?:19|20)\d{2})(?=年|[-/.]\d{1,2}[-/.]\d{1,2})/g)) {
    const start = m.index ?? 0;
    const before = key.slice(0, start);
    const after = key.slice(start + 4);
    if (COMPARED_BEFORE.test(before) || COMPARED_AFTER.test(after)) continue;
    years.push(Number(m[1]));
  }
  return [...new Set(years)];
}
