/**
 * Text helpers of the review rules: normalising what users typed, and reading what an indicator's
 * name says about itself.
 */
import { isKnownUnit, normalizeUnit } from '../units';

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
const TEMPLATE_TARGETS: readonly string[] = [
  '指标值', '目标值', '年度指标值', '指标值(包含数字及文字描述)', '请填写', '请输入', '待定', '待填', '待填写', '待补充',
];

/**
 * The placeholder (模板占位内容) left in a name or target, or `null`: a numbering prefix of the
 * template (`指标 2:`, `指标1：`), a row of dots (`.....`), `XX` in place of a number, or a template
 * label as the whole text. `key` must be compact.
 */
export function placeholderIn(key: string, what: 'name' | 'target'): string | null {
  const numbered = /^指标\d+[:：.、]?|^(?:目标|任务)\d+[:：]/.exec(key);
  if (numbered !== null) return numbered[0];
  if (/^[.。…·,，、]+$/.test(key) && key.length >= 2) return key;
  const dots = /\.{4,}|…{2,}|。{3,}/.exec(key);
  if (dots !== null) return dots[0];
  const xs = /(?<![A-Za-z])(?:[Xx]{2,}|×{2,}|某某)(?![A-Za-z])/.exec(key);
  if (xs !== null) return xs[0];
  const words = what === 'name' ? TEMPLATE_NAMES : TEMPLATE_TARGETS;
  return words.includes(key) ? key : null;
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
