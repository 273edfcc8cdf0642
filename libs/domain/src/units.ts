/**
 * Unit helpers for target values (指标值的计量单位).
 *
 * Units are kept as written (DESIGN §3), only normalised: no spaces, half-width characters,
 * `百分比` written `%`. `万`/`亿` stay in the unit; `toBaseUnits` removes them when two amounts
 * must be compared.
 */

/** What a unit measures; `null` when there is no unit. */
export type UnitKind = 'money' | 'percent' | 'count' | 'time' | 'ratio' | 'other';

/** Money units (金额). */
const MONEY_UNITS: readonly string[] = ['元', '角'];

/** Percentage units (百分比, 百分点, 千分比). */
const PERCENT_UNITS: readonly string[] = ['%', '百分比', '百分点', '个百分点', '‰'];

/** Count units (量词): people, households, institutions, items, times... */
const COUNT_UNITS: readonly string[] = [
  '人', '人次', '名', '位', '户', '户次', '家', '家次', '个', '件', '次', '份', '张', '卷', '台', '套',
  '辆', '所', '项', '本', '册', '场', '场次', '期', '批', '批次', '篇', '条', '座', '处', '床', '张床',
  '块', '箱', '支', '只', '头', '株', '棵', '间', '栋', '幢', '宗', '笔', '单', '例', '例次', '盒', '袋',
  '部', '枚', '副', '组', '类', '种', '门', '班', '节', '课时', '学时', '村', '镇', '乡', '县', '校',
  '期次', '轮', '趟', '班次', '人月', '人日', '人天', '车次', '架次', '对', '双', '把', '瓶', '包',
];

/** Duration units (时长). */
const TIME_UNITS: readonly string[] = [
  '天', '日', '小时', '个小时', '分钟', '秒', '周', '星期', '个星期', '月', '个月', '年', '工作日',
  '个工作日', '季度', '个季度', 'h', 'min',
];

/** Ratio units (倍数). */
const RATIO_UNITS: readonly string[] = ['倍'];

/** Recognised units of other measures: scores (分), lengths, areas, weights, volumes, energy, grades. */
const OTHER_UNITS: readonly string[] = [
  '分', '公里', '千米', '米', '平方米', '平方公里', '亩', '公顷', '吨', '公斤', '千克', '克', '升',
  '立方米', '千瓦', '千瓦时', '度', '级', '星', 'km', 'm', 'm2', 'm3', 'kg', 't', 'kw', 'kwh',
];

/** Magnitude prefixes (数量级) and their factors, longest first. */
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** Characters that end a `个X` measure word (they start 以上, 以内, 左右, 之前...). */
const MEASURE_WORD_STOP = /[以内上下左右及之前后底末至到每的]/;

/** Half-width, no whitespace: `NFKC` turns ％ into %, full-width digits and letters into ASCII. */
function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Normalise a unit as written: no spaces, half-width, `百分比` → `%`; empty → `null`. */
export function normalizeUnit(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined) return null;
  const compact = halfWidth(String(unit));
  if (compact === '') return null;
  return compact
    .split('/')
    .map((segment) => (segment === '百分比' ? '%' : segment))
    .join('/');
}

/** Splits a magnitude prefix (`万`, `亿`...) off a unit segment when what follows is a count or money unit, or nothing. */
function splitMagnitude(segment: string): { factor: number; rest: string } {
  for (const [prefix, factor] of MAGNITUDES) {
    if (!segment.startsWith(prefix)) continue;
    const rest = segment.slice(prefix.length);
    if (rest === '' || MONEY_UNITS.includes(rest) || COUNT_UNITS.includes(rest)) return { factor, rest };
  }
  return { factor: 1, rest: segment };
}

/** `个` followed by a short noun (个村, 个项目, 个乡镇) is a count measure word. */
function isMeasureWord(segment: string): boolean {
  return /^个[\u4e00-\u9fff]{1,3}$/.test(segment) && !MEASURE_WORD_STOP.test(segment.slice(1));
}

/** Kind of one base unit segment (no magnitude prefix), or `undefined` when unknown. */
function baseKind(segment: string): UnitKind | undefined {
  if (MONEY_UNITS.includes(segment)) return 'money';
  if (PERCENT_UNITS.includes(segment)) return 'percent';
  if (TIME_UNITS.includes(segment)) return 'time';
  if (COUNT_UNITS.includes(segment) || isMeasureWord(segment)) return 'count';
  if (RATIO_UNITS.includes(segment)) return 'ratio';
  if (OTHER_UNITS.includes(segment.toLowerCase())) return 'other';
  return undefined;
}

/** Kind of a leading unit segment, magnitude included (`万元` money, `万人` count); a bare `万` is 'other'. */
function leadingKind(segment: string): UnitKind | undefined {
  const direct = baseKind(segment);
  if (direct !== undefined) return direct;
  const { factor, rest } = splitMagnitude(segment);
  if (factor === 1) return undefined;
  return rest === '' ? 'other' : baseKind(rest);
}

/**
 * What a unit measures. A compound unit takes the kind of its first part: `元/张`, `元/人/年` are
 * money; `次/年` is a count. `null` for no unit; 'other' for scores, physical measures, a bare
 * magnitude (`万`) and anything not recognised.
 */
export function unitKind(unit: string | null | undefined): UnitKind | null {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return null;
  const [first] = normalized.split('/');
  return leadingKind(first ?? '') ?? 'other';
}

/** True when every part of the unit is a recognised unit (a bare magnitude `万` counts as recognised). */
export function isKnownUnit(unit: string | null | undefined): boolean {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return false;
  const [first, ...rest] = normalized.split('/');
  if (first === undefined || leadingKind(first) === undefined) return false;
  return rest.every((segment) => segment !== '' && leadingKind(segment) !== undefined);
}

/** True when the unit's first part is only a magnitude (`万`, `万/次`): it does not say 万元 or 万人. */
export function isMagnitudeOnly(unit: string | null | undefined): boolean {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return false;
  const [first] = normalized.split('/');
  return MAGNITUDES.some(([prefix]) => prefix === first);
}

/**
 * The longest recognised unit at the start of `text` (e.g. `人` in `人以上`, `元/人/年` in
 * `元/人/年左右`), or `null`. `text` should already be normalised.
 */
export function leadingUnit(text: string): string | null {
  const maxLength = Math.min(text.length, 16);
  for (let length = maxLength; length > 0; length -= 1) {
    const candidate = text.slice(0, length);
    if (candidate.endsWith('/')) continue;
    if (isKnownUnit(candidate)) return candidate;
  }
  return null;
}

/** Multiplies without binary noise (1996.62 × 10000 = 19966200, not 19966200.000000004). */
function scale(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

/**
 * Converts an amount to base units so two amounts can be compared: `26 万人` → `260000 人`,
 * `1996.62 万元` → `19966200 元`, `10 万/次` → `100000 /次`. The unit is normalised; a bare
 * magnitude leaves no unit (`35 万` → `350000`, `null`).
 */
export function toBaseUnits(value: number, unit: string | null | undefined): { value: number; unit: string | null } {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return { value, unit: null };
  const [first = '', ...rest] = normalized.split('/');
  const { factor, rest: base } = splitMagnitude(first);
  const baseUnit = [base, ...rest].join('/');
  return { value: scale(value, factor), unit: baseUnit === '' ? null : baseUnit };
}
