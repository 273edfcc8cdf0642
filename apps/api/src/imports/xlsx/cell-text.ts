/**
 * The text a cell displays, from exceljs's value: numbers as written (the shortest decimal that is the
 * number, or its number format's decimals and %, `0.9` in `0%` → `90%`), rich text joined, a formula's
 * cached result, dates as `YYYY-MM-DD`. Exact: decimals are shifted and rounded as strings.
 */
import type ExcelJS from 'exceljs';

/** A cell's displayed text, or `{ formulaWithoutValue }` when a formula has no cached result. */
export type CellText = { text: string | null } | { formulaWithoutValue: string };

export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10) };
  if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((run) => run.text ?? '').join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { formulaWithoutValue: String((value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '') };
    if (typeof result === 'object' && result !== null && 'error' in result) return { text: String((result as { error: unknown }).error) };
    return cellText(result as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return { text: String(value.error) };
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === 'string') return { text };
    if (typeof text === 'object' && text !== null && 'richText' in text) return cellText(text as ExcelJS.CellValue, numFmt);
  }
  return { text: null };
}

/** The shortest decimal of a number, never in exponent form: 1e-7 → "0.0000001". */
export function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Rounds a plain decimal string half-up to `places` decimals (exactly, as Excel shows it). */
export function roundDecimal(decimal: string, places: number): string {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace(/^-/, '').split('.');
  if (fraction.length <= places) return (negative ? '-' : '') + whole + (places > 0 ? '.' + fraction.padEnd(places, '0') : '');
  const kept = (whole + fraction.slice(0, places)).split('').map(Number);
  if (Number(fraction[places]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) kept.unshift(1);
    else kept[i] += 1;
  }
  const digits = kept.join('');
  const integer = digits.slice(0, digits.length - places) || '0';
  const text = places > 0 ? `${integer}.${digits.slice(digits.length - places)}` : integer;
  return (negative && /[1-9]/.test(text) ? '-' : '') + text;
}

function formatNumber(value: number, numFmt: string | undefined): string {
  const plain = plainNumber(value);
  const format = (numFmt ?? '').split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (format === '' || /^general$/i.test(format) || /[ymdhs]/i.test(format) || format === '@') return plain;
  const decimals = /\.([0#?]+)/.exec(format)?.[1].length ?? 0;
  if (format.includes('%')) {
    const negative = plain.startsWith('-');
    const [whole, fraction = ''] = plain.replace(/^-/, '').split('.');
    const digits = (whole + fraction).padEnd(whole.length + 2, '0');
    const integer = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
    const rest = digits.slice(whole.length + 2);
    return `${negative ? '-' : ''}${roundDecimal(rest === '' ? integer : `${integer}.${rest}`, decimals)}%`;
  }
  if (!/[0#]/.test(format)) return plain;
  const rounded = roundDecimal(plain, decimals);
  if (!format.includes(',')) return rounded;
  const [w, f] = rounded.split('.');
  const grouped = w.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return f === undefined ? grouped : `${grouped}.${f}`;
}
