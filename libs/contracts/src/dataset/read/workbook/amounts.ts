/**
 * Amounts as tables write them, read exactly (decimal strings, never floats; libs/domain money.ts):
 * `1,494.61`, `１４９４．６１`, `41万元`, `2832.00`, `1.2E+3`, in the table's unit (万元 or 元) unless
 * the cell names its own.
 */
import { formatMoney, multiplyMoney, wanToYuan, type Money } from '@jixiao/domain/money';

export type MoneyUnit = '万元' | '元';

/** What an amount cell gave: nothing (empty, `-`, `/`, `无`), an amount in 元, or text that is no amount. */
export type AmountReading = { kind: 'empty' } | { kind: 'amount'; yuan: Money } | { kind: 'unreadable' };

const EMPTY = /^(?:|-|—|–|－|\/|无|空|\\)$/;

/** A plain decimal literal from a number written any way (`1,234.5`, `1.2E+3`, full-width digits), or null. */
export function plainDecimal(text: string): string | null {
  const compact = text.normalize('NFKC').replace(/[\s,，]/g, '');
  const match = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d{1,3}))?$/.exec(compact);
  if (!match) return null;
  const [, sign, digits, exponent] = match;
  const shifted = shiftDecimal(digits, exponent ? Number(exponent) : 0);
  return (sign === '-' && !/^0(\.0*)?$/.test(shifted) ? '-' : '') + shifted;
}

/** Moves the decimal point of a plain unsigned decimal `places` to the right (left when negative), exactly. */
export function shiftDecimal(decimal: string, places: number): string {
  const [whole, fraction = ''] = decimal.split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

/** Reads an amount cell in `unit` unless the cell says 万元/万/元 itself. */
export function readAmount(text: string | null, unit: MoneyUnit): AmountReading {
  const compact = (text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((万元|元|万)\)$/, '$1'); // 41.00（万元）
  if (EMPTY.test(compact)) return { kind: 'empty' };
  const suffix = /(万元|万|元)$/.exec(compact);
  const cellUnit: MoneyUnit = suffix ? (suffix[1] === '元' ? '元' : '万元') : unit;
  const decimal = plainDecimal(suffix ? compact.slice(0, -suffix[1].length) : compact);
  if (decimal === null) return { kind: 'unreadable' };
  try {
    return { kind: 'amount', yuan: cellUnit === '万元' ? wanToYuan(decimal) : formatMoney(decimal) };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** `part` (a fraction such as `0.25`) of an amount in 元, half-up to the cent. */
export function fractionOf(yuan: Money, fraction: string): Money {
  return multiplyMoney(yuan, fraction);
}
