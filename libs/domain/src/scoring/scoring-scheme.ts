/**
 * 评分方案 (DESIGN §2, §3): what a finance bureau's region scores a kind of sheet by in a fiscal
 * year — the points of 预算执行率, the first-level groups (a name and the words of the first-level
 * names that belong to it) with their points, and the value of each tier. Presets: the national
 * project scheme (财预〔2020〕10号) and a department-wide scheme with 投入管理指标.
 */
import Big from 'big.js';
import { TIER_DEFAULT_VALUES, TIER_LABELS, TIER_RANGES, TIERS, type Tier } from '../completion';

/** 一级指标分组: a share of the score and the first-level names it takes. */
export interface SchemeGroup {
  key: string; // stable, e.g. 'output'
  label: string; // 产出指标
  aliases: string[]; // words a first-level name contains to belong here: ['产出', '成本']
  points: number; // two decimals at most
}

export interface ScoringScheme {
  name: string; // 方案名称
  budgetExecution: number; // 预算执行率 points
  groups: SchemeGroup[]; // in the order a first-level name is matched
  tierValues: Record<Tier, number>; // 达成 / 部分达成 / 未达成, inside their national ranges
}

/** The national project scheme (财预〔2020〕10号): 预算执行率 10, 产出 50 (成本 shares it), 效益 30, 满意度 10. */
export const NATIONAL_PROJECT_SCHEME: Readonly<ScoringScheme> = Object.freeze({
  name: '项目支出绩效自评（财预〔2020〕10号）',
  budgetExecution: 10,
  groups: [
    { key: 'output', label: '产出指标', aliases: ['产出', '成本'], points: 50 },
    { key: 'benefit', label: '效益指标', aliases: ['效益'], points: 30 },
    { key: 'satisfaction', label: '满意度指标', aliases: ['满意'], points: 10 },
  ],
  tierValues: { ...TIER_DEFAULT_VALUES },
});

/**
 * A department-wide scheme (部门整体支出绩效自评) with 投入管理指标 beside 产出 and 效益, as the
 * department-wide tables of 河南 use them (满意度 is scored with 效益 there): 预算执行率 10,
 * 投入管理 20, 产出 40, 效益 30.
 */
export const DEPARTMENT_WIDE_SCHEME: Readonly<ScoringScheme> = Object.freeze({
  name: '部门整体支出绩效自评（含投入管理指标）',
  budgetExecution: 10,
  groups: [
    { key: 'input', label: '投入管理指标', aliases: ['投入'], points: 20 },
    { key: 'output', label: '产出指标', aliases: ['产出', '成本'], points: 40 },
    { key: 'benefit', label: '效益指标', aliases: ['效益', '满意'], points: 30 },
  ],
  tierValues: { ...TIER_DEFAULT_VALUES },
});

/** The presets a finance bureau starts from, by id. */
export const SCHEME_PRESETS: Readonly<Record<'national_project' | 'department_wide', Readonly<ScoringScheme>>> = {
  national_project: NATIONAL_PROJECT_SCHEME,
  department_wide: DEPARTMENT_WIDE_SCHEME,
};

/** The scheme where none is configured: the national one, for both kinds of sheet. */
export const DEFAULT_SCORING_SCHEME: Readonly<ScoringScheme> = NATIONAL_PROJECT_SCHEME;

/** The group a first-level name belongs to: the first group one of whose words the name contains; null for none. */
export function schemeGroupOf(scheme: Pick<ScoringScheme, 'groups'>, level1: string | null | undefined): SchemeGroup | null {
  const name = (level1 ?? '').replace(/\s+/g, '');
  if (name === '') return null;
  return scheme.groups.find((group) => group.aliases.some((alias) => alias !== '' && name.includes(alias))) ?? null;
}

const POINTS = /^\d{1,6}(\.\d{1,2})?$/;
const isPoints = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && POINTS.test(String(value));

/** Every reason a scheme cannot be used, in Chinese; empty when it can. Points add up to 100 exactly. */
export function checkScoringScheme(scheme: ScoringScheme): string[] {
  const problems: string[] = [];
  if (typeof scheme.name !== 'string' || scheme.name.trim() === '' || scheme.name.length > 100) problems.push('方案名称须为 1–100 个字');
  if (!isPoints(scheme.budgetExecution)) problems.push(`预算执行率分值“${String(scheme.budgetExecution)}”须为不超过两位小数的非负数`);
  if (!Array.isArray(scheme.groups) || scheme.groups.length === 0 || scheme.groups.length > 10) {
    problems.push('评分方案须有 1–10 个一级指标分组');
    return problems;
  }
  const keys = new Set<string>();
  const aliases = new Map<string, string>();
  for (const group of scheme.groups) {
    const label = typeof group.label === 'string' && group.label.trim() !== '' ? group.label.trim() : '（未命名分组）';
    if (typeof group.key !== 'string' || !/^[a-z][a-z0-9_]{0,31}$/.test(group.key)) problems.push(`分组“${label}”的编码须为小写字母开头的字母、数字或下划线`);
    else if (keys.has(group.key)) problems.push(`分组编码“${group.key}”重复`);
    else keys.add(group.key);
    if (label === '（未命名分组）' || label.length > 50) problems.push('每个分组须有 1–50 个字的名称');
    if (!isPoints(group.points)) problems.push(`“${label}”的分值“${String(group.points)}”须为不超过两位小数的非负数`);
    if (!Array.isArray(group.aliases) || group.aliases.length === 0 || group.aliases.some((a) => typeof a !== 'string' || a.trim() === '' || a.length > 20)) {
      problems.push(`“${label}”须列出一级指标名称包含的关键词（每个 1–20 个字），如“产出”`);
      continue;
    }
    for (const alias of group.aliases) {
      const other = aliases.get(alias.trim());
      if (other !== undefined && other !== label) problems.push(`关键词“${alias.trim()}”同时属于“${other}”和“${label}”`);
      aliases.set(alias.trim(), label);
    }
  }
  if (problems.length === 0) {
    const total = scheme.groups.reduce((sum, group) => sum.plus(String(group.points)), new Big(String(scheme.budgetExecution)));
    if (!total.eq(100)) problems.push(`预算执行率与各分组分值合计为 ${total.toString()} 分，应为 100 分`);
  }
  for (const tier of TIERS) {
    const value = scheme.tierValues?.[tier];
    const range = TIER_RANGES[tier];
    const inside = typeof value === 'number' && Number.isFinite(value) && value >= range.min && (range.maxInclusive ? value <= range.max : value < range.max);
    if (!inside) problems.push(`“${TIER_LABELS[tier]}”的完成程度须在 ${range.min} 到 ${range.max}${range.maxInclusive ? ' ' : '（不含）'}之间`);
  }
  return problems;
}
