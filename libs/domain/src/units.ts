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

/** Count units (量词): people, households, institutions, items, times, incidents (起)... */
const COUNT_UNITS: readonly string[] = [
  '人', '人次', '名', '位', '户', '户次', '家', '家次', '个', '个次', '件', '件次', '次', '份', '张', '卷',
  '台', '台次', '套', '辆', '辆次', '所', '项', '项次', '本', '册', '场', '场次', '期', '批', '批次', '篇',
  '篇次', '条', '条次', '座', '处', '床', '张床', '床位', '块', '箱', '支', '只', '头', '株', '棵', '尾',
  '羽', '间', '栋', '幢', '宗', '笔', '单', '例', '例次', '盒', '袋', '部', '枚', '副', '组', '类', '种',
  '门', '门次', '班', '节', '课时', '学时', '村', '镇', '乡', '县', '校', '生', '期次', '轮', '回', '趟',
  '班次', '人月', '人日', '人天', '人年', '车次', '架次', '对', '双', '把', '瓶', '包', '起', '户数',
];

/** Duration units (时长). */
const TIME_UNITS: readonly string[] = [
  '天', '日', '自然日', '小时', '个小时', '分钟', '秒', '周', '星期', '个星期', '月', '个月', '年', '工作日',
  '个工作日', '季', '季度', '个季度', '半年', 'h', 'min',
];

/** Ratio units (倍数). */
const RATIO_UNITS: readonly string[] = ['倍'];

/** Recognised units of other measures: scores (分), lengths, areas, weights, volumes, energy, grades. */
const OTHER_UNITS: readonly string[] = [
  '分', '公里', '千米', '米', '平方米', '平方公里', '亩', '公顷', '吨', '公斤', '千克', '克', '斤', '升',
  '立方米', '立方', '千瓦', '千瓦时', '度', '级', '星', '°c', '℃', 'km', 'km2', 'm', 'm2', 'm3', 'kg', 't',
  'kw', 'kwh',
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

/**
 * Characters that join the parts of a compound unit inside one `/` segment: `元/人·月`, `元/人*月`,
 * `元/人×月`, `元/人・月`, `元/人.月` (per person and month). Kept as written in the unit.
 */
const PART_SEPARATORS = /[·・•∙‧⋅*×.]/;

/** Magnitudes that may also stand before a physical measure (`万亩`, `万吨`, `亿立方米`). */
const LARGE_MAGNITUDES: readonly string[] = ['万', '亿'];

/**
 * Splits a magnitude prefix (`万`, `亿`...) off a unit part when what follows is a count or money
 * unit, or nothing; `万`/`亿` also before any other recognised measure (`万亩`). `千克`, `千米` stay whole.
 */
function splitMagnitude(part: string): { factor: number; rest: string } {
  for (const [prefix, factor] of MAGNITUDES) {
    if (!part.startsWith(prefix)) continue;
    const rest = part.slice(prefix.length);
    if (rest === '' || MONEY_UNITS.includes(rest) || COUNT_UNITS.includes(rest)) return { factor, rest };
    if (LARGE_MAGNITUDES.includes(prefix) && OTHER_UNITS.includes(rest.toLowerCase())) return { factor, rest };
  }
  return { factor: 1, rest: part };
}

/** `个` followed by a short noun (个村, 个项目, 个乡镇) is a count measure word. */
function isMeasureWord(part: string): boolean {
  return /^个[\u4e00-\u9fff]{1,3}$/.test(part) && !MEASURE_WORD_STOP.test(part.slice(1));
}

/** Kind of one base unit part (no magnitude prefix), or `undefined` when unknown. */
function baseKind(part: string): UnitKind | undefined {
  if (MONEY_UNITS.includes(part)) return 'money';
  if (PERCENT_UNITS.includes(part)) return 'percent';
  if (TIME_UNITS.includes(part)) return 'time';
  if (COUNT_UNITS.includes(part) || isMeasureWord(part)) return 'count';
  if (RATIO_UNITS.includes(part)) return 'ratio';
  if (OTHER_UNITS.includes(part.toLowerCase())) return 'other';
  return undefined;
}

/** Kind of a unit part, magnitude included (`万元` money, `万人` count); a bare `万` is 'other'. */
function partKind(part: string): UnitKind | undefined {
  const direct = baseKind(part);
  if (direct !== undefined) return direct;
  const { factor, rest } = splitMagnitude(part);
  if (factor === 1) return undefined;
  return rest === '' ? 'other' : baseKind(rest);
}

/**
 * The parts of a unit: split on `/` and on the separators inside a segment (`元/人·月` → 元, 人, 月),
 * brackets dropped (`元/(人·月)`). An empty part (`元/`, `人·`) is kept as '' so it can be refused.
 */
function unitParts(normalized: string): string[] {
  return normalized
    .replace(/[()]/g, '')
    .split('/')
    .flatMap((segment) => segment.split(PART_SEPARATORS));
}

/**
 * What a unit measures. A compound unit takes the kind of its first part: `元/张`, `元/人/年`,
 * `元/人·月` are money; `次/年` is a count. `null` for no unit; 'other' for scores, physical
 * measures, a bare magnitude (`万`) and anything not recognised.
 */
export function unitKind(unit: string | null | undefined): UnitKind | null {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return null;
  const [first] = unitParts(normalized);
  return partKind(first ?? '') ?? 'other';
}

/**
 * True when every part of the unit is a recognised unit (a bare magnitude `万` counts as recognised
 * as the first part only): `元/人·月`, `元/人*月`, `人次/年`, `万元/批次`.
 */
export function isKnownUnit(unit: string | null | undefined): boolean {
  if (typeof unit !== 'string') return false;
  const cached = KNOWN_CACHE.get(unit);
  if (cached !== undefined) return cached;
  const known = readKnownUnit(unit);
  if (KNOWN_CACHE.size >= KNOWN_CACHE_SIZE) KNOWN_CACHE.clear();
  KNOWN_CACHE.set(unit, known);
  return known;
}

/** Answers of isKnownUnit, which the parser asks many times per target (leadingUnit). Bounded. */
const KNOWN_CACHE = new Map<string, boolean>();
const KNOWN_CACHE_SIZE = 10000;

function readKnownUnit(unit: string): boolean {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return false;
  if (!bracketsFit(normalized)) return false;
  const [first, ...rest] = unitParts(normalized);
  if (first === undefined || first === '' || partKind(first) === undefined) return false;
  return rest.every((part) => part !== '' && baseKindOrMagnitude(part) !== undefined);
}

/** A later part: a unit, magnitude allowed (`元/万人`), but not a bare magnitude (`元/万`). */
function baseKindOrMagnitude(part: string): UnitKind | undefined {
  const { factor, rest } = splitMagnitude(part);
  return factor !== 1 && rest === '' ? undefined : partKind(part);
}

/** At most one pair of brackets, after the first part and around something (`元/(人·月)`). */
function bracketsFit(text: string): boolean {
  const open = text.split('(').length - 1;
  const close = text.split(')').length - 1;
  if (open === 0 && close === 0) return true;
  return open === 1 && close === 1 && text.indexOf('(') > 0 && text.indexOf(')') > text.indexOf('(') + 1;
}

/** True when the unit's first part is only a magnitude (`万`, `万/次`): it does not say 万元 or 万人. */
export function isMagnitudeOnly(unit: string | null | undefined): boolean {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return false;
  const [first] = unitParts(normalized);
  return MAGNITUDES.some(([prefix]) => prefix === first);
}

/**
 * The longest recognised unit at the start of `text` (e.g. `人` in `人以上`, `元/人/年` in
 * `元/人/年左右`, `元/人·月` in `元/人·月以内`), or `null`. `text` should already be normalised.
 */
export function leadingUnit(text: string): string | null {
  const maxLength = Math.min(text.length, 16);
  for (let length = maxLength; length > 0; length -= 1) {
    const candidate = text.slice(0, length);
    if (candidate.endsWith('/') || PART_SEPARATORS.test(candidate.slice(-1))) continue;
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
 * magnitude leaves no unit (`35 万` → `350000`, `null`). Only the first part carries a magnitude.
 */
export function toBaseUnits(value: number, unit: string | null | undefined): { value: number; unit: string | null } {
  const normalized = normalizeUnit(unit);
  if (normalized === null) return { value, unit: null };
  const head = /^[^/()·・•∙‧⋅*×.]*/.exec(normalized)?.[0] ?? '';
  const { factor, rest } = splitMagnitude(head);
  const baseUnit = rest + normalized.slice(head.length);
  return { value: scale(value, factor), unit: baseUnit === '' ? null : baseUnit };
}
