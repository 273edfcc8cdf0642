/**
 * What users type (录入) into a number or an amount field, read once for every form and endpoint:
 * full-width digits and signs (１４２８．５), thousands separators (1,428 · 1，428), spaces anywhere.
 * The parser of target texts has its own, richer reading; these are for fields that hold one value.
 */
import Big from 'big.js';
import { formatMoney, isMoney, Money } from './money';

/**
 * Half-width (NFKC: full-width digits, `．`, `－`, `＋`, `￥`), no whitespace, and commas only where they
 * separate thousands (`1,428,000` → `1428000`); any other comma is kept, so that `1,5` reads as nothing
 * rather than as 15.
 */
function compact(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** A number as a user types it: `1,428` · `１４２８` · `95.5` · `-3` · `+2` → a finite number; null when it is not one. */
export function readTypedNumber(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const clean = compact(text).replace(/^\+/, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

/** 亿, 万 and 元 in 元 (the traditional 億 and 萬 read the same). */
const UNIT_YUAN = { 亿: new Big('100000000'), 万: new Big('10000'), 元: new Big(1) } as const;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
/** `1.5亿` · `1亿2000万` · `20万元` · `12万5000元` · `1234元`: each part with its unit, 元 possibly alone at the end. */
const WITH_UNITS = new RegExp(`^(?:(${NUMBER})亿)?(?:(${NUMBER})万)?(?:(${NUMBER})?元)?$`);

/**
 * An amount in 元 as a user types it: `1234`, `1,234.5`, `１２３４．５０`, `¥1,234`, `20万`, `20 万元`,
 * `２０万`, `1.5亿`, `1亿2000万`, `12万5000元`, `1234元` → the API's form `'1234.50'`. Null when it is not
 * a non-negative whole number of cents that fits numeric(18,2), and for readings that guess: a bare
 * number after a unit (`12万5` — 125000 or 120005?), a decimal before a smaller unit (`1.5亿2000万`),
 * a smaller part as large as the unit above it (`1亿20000万`).
 */
export function readTypedAmount(text: string | null | undefined): Money | null {
  if (typeof text !== 'string') return null;
  const clean = compact(text).replace(/^¥/, '').replace(/億/g, '亿').replace(/萬/g, '万');
  if (/^\d+(\.\d+)?$/.test(clean)) return wholeCents(new Big(clean));
  const parts = WITH_UNITS.exec(clean);
  if (parts === null || clean === '元') return null;
  const [yi, wan, yuan] = [parts[1], parts[2], parts[3]];
  if (yi === undefined && wan === undefined && yuan === undefined) return null;
  if (yi?.includes('.') === true && (wan !== undefined || yuan !== undefined)) return null;
  if (wan?.includes('.') === true && yuan !== undefined) return null;
  if (yi !== undefined && wan !== undefined && new Big(wan).gte(UNIT_YUAN.万)) return null;
  if (yuan !== undefined && wan !== undefined && new Big(yuan).gte(UNIT_YUAN.万)) return null;
  if (yuan !== undefined && wan === undefined && yi !== undefined && new Big(yuan).gte(UNIT_YUAN.亿)) return null;
  let total = new Big(0);
  if (yi !== undefined) total = total.plus(new Big(yi).times(UNIT_YUAN.亿));
  if (wan !== undefined) total = total.plus(new Big(wan).times(UNIT_YUAN.万));
  if (yuan !== undefined) total = total.plus(new Big(yuan));
  return wholeCents(total);
}

/** The amount in the API's form when it is a whole number of cents within numeric(18,2); null otherwise. */
function wholeCents(yuan: Big): Money | null {
  if (!yuan.round(2, Big.roundDown).eq(yuan)) return null;
  const money = formatMoney(yuan);
  return isMoney(money) ? money : null;
}
