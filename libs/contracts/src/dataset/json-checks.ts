// Checks of JSON values for the dataset validator: each failure is collected with its path, in Chinese and English.
import { isWithinMoneyLimit, MAX_MONEY, MAX_MONEY_TEXT } from '@jixiao/domain/money';
import { DATASET_MONEY_PATTERN, DatasetError, DatasetErrorCode } from './dataset-rules';

export type Obj = Record<string, unknown>;

export class TooManyErrors extends Error {}

export class Collector {
  readonly errors: DatasetError[] = [];
  constructor(private readonly max: number) {}

  add(path: string, code: DatasetErrorCode, zh: string, en: string, got?: { value: unknown }): void {
    if (this.errors.length >= this.max) {
      this.errors.push({
        path: '',
        code: 'TOO_MANY_ERRORS',
        message: `文件：错误过多，仅列出前 ${this.max} 处 / too many errors, only the first ${this.max} are listed`,
      });
      throw new TooManyErrors();
    }
    const where = path === '' ? '文件' : path;
    // as in `…如 "410000.00"（got 41.5）/ amount must be …`: a full-width bracket needs no space before the slash
    const zhPart = got ? `${zh}（got ${describe(got.value)}）` : `${zh} `;
    this.errors.push({ path, code, message: `${where}：${zhPart}/ ${en}` });
  }
}

/** A short, readable rendering of an offending value. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};

export function key(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(o: Obj, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, name);
}

export function typeError(c: Collector, path: string, expected: 'string' | 'integer' | 'object' | 'array', nullable: boolean, value: unknown): void {
  const zhExpected = TYPE_ZH[expected] + (nullable ? '或 null' : '');
  const enExpected = (expected === 'array' || expected === 'object' || expected === 'integer' ? `an ${expected}` : `a ${expected}`) + (nullable ? ' or null' : '');
  if (value === null) {
    c.add(path, 'TYPE', `不能为 null，须为${zhExpected}`, `must not be null, expected ${enExpected}`);
  } else {
    c.add(path, 'TYPE', `须为${zhExpected}`, `expected ${enExpected}, got ${jsonType(value)}`, { value });
  }
}

/** Levenshtein distance, for "did you mean" hints on unknown fields. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function suggestion(name: string, allowed: readonly string[], present: Obj): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    if (hasOwn(present, candidate) && present[candidate] !== undefined) continue; // already there: not what was meant
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** Reports missing and unknown fields; returns nothing — callers check each field they need. */
export function checkKeys(c: Collector, o: Obj, path: string, allowed: readonly string[]): void {
  for (const name of allowed) {
    if (!hasOwn(o, name) || o[name] === undefined) {
      c.add(key(path, name), 'REQUIRED', `缺少字段 "${name}"`, `missing field "${name}"`);
    }
  }
  for (const name of Object.keys(o)) {
    if (allowed.includes(name)) continue;
    const hint = suggestion(name, allowed, o);
    c.add(
      key(path, name),
      'UNKNOWN_FIELD',
      `格式未定义字段 "${name}"${hint ? `（是否应为 "${hint}"？）` : ''}`,
      `unknown field "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
  }
}

/** The field's value, or `undefined` when it is missing (already reported by checkKeys). */
export function field(o: Obj, name: string): unknown {
  return hasOwn(o, name) ? o[name] : undefined;
}

/** Characters as PostgreSQL counts them (code points, not UTF-16 units). */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function checkLength(c: Collector, path: string, value: string, maxLength: number | undefined): void {
  if (maxLength === undefined) return;
  const length = textLength(value);
  if (length > maxLength) c.add(path, 'TOO_LONG', `最多 ${maxLength} 个字，此处 ${length} 个字`, `at most ${maxLength} characters, got ${length}`);
}

export function checkString(c: Collector, o: Obj, name: string, path: string, opts: { nullable?: boolean; nonEmpty?: boolean; maxLength?: number } = {}): string | null | undefined {
  const value = field(o, name);
  const p = key(path, name);
  if (value === undefined) return undefined;
  if (value === null && opts.nullable) return null;
  if (typeof value !== 'string') {
    typeError(c, p, 'string', opts.nullable ?? false, value);
    return undefined;
  }
  if (opts.nonEmpty && value.trim() === '') {
    c.add(p, 'EMPTY', '不能为空字符串', 'must not be empty', { value });
  }
  checkLength(c, p, value, opts.maxLength);
  return value;
}

export function checkMoney(c: Collector, o: Obj, name: string, path: string, nullable: boolean): void {
  const value = field(o, name);
  const p = key(path, name);
  if (value === undefined) return;
  if (value === null) {
    if (!nullable) c.add(p, 'TYPE', '金额不能为 null', 'amount must not be null');
    return;
  }
  if (typeof value !== 'string' || !DATASET_MONEY_PATTERN.test(value)) {
    c.add(
      p,
      'MONEY',
      `金额须为两位小数的元金额字符串，如 "410000.00"${nullable ? '，或 null' : ''}`,
      `amount must be a decimal string in yuan with exactly two decimal places${nullable ? ', or null' : ''}`,
      { value },
    );
  } else if (!isWithinMoneyLimit(value)) {
    c.add(p, 'RANGE', `金额不能超过 ${MAX_MONEY_TEXT}`, `amount must not exceed ${MAX_MONEY} yuan`, { value });
  }
}

export function checkObject(c: Collector, o: Obj, name: string, path: string, nullable: boolean): Obj | null {
  const value = field(o, name);
  if (value === undefined) return null;
  if (value === null && nullable) return null;
  if (!isObject(value)) {
    typeError(c, key(path, name), 'object', nullable, value);
    return null;
  }
  return value;
}

export function checkArray(c: Collector, o: Obj, name: string, path: string): unknown[] | null {
  const value = field(o, name);
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    typeError(c, key(path, name), 'array', false, value);
    return null;
  }
  return value;
}

/** Each element an object with exactly `keys`; calls `each` on the good ones. */
export function checkObjectArray(c: Collector, o: Obj, name: string, path: string, keys: readonly string[], each: (item: Obj, itemPath: string, i: number) => void): void {
  const items = checkArray(c, o, name, path);
  if (!items) return;
  const p = key(path, name);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const itemPath = index(p, i);
    if (!isObject(item)) {
      typeError(c, itemPath, 'object', false, item);
      continue;
    }
    checkKeys(c, item, itemPath, keys);
    each(item, itemPath, i);
  }
}

export function checkStringArray(c: Collector, o: Obj, name: string, path: string, maxLength?: number): void {
  const items = checkArray(c, o, name, path);
  if (!items) return;
  const p = key(path, name);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (typeof item !== 'string') typeError(c, index(p, i), 'string', false, item);
    else checkLength(c, index(p, i), item, maxLength);
  }
}
