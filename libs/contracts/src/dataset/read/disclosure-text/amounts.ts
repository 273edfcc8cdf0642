// Amounts of published tables: `1,494.61` in 万元 (or 元) → a decimal string in 元, never through a float.
import { formatMoney, subtractMoney, wanToYuan } from '@jixiao/domain/money';
import { foldWidth } from './text-normalise';

/** The unit amounts of a table are written in. */
export type AmountUnit = 'wan' | 'yuan';

/** A plain amount as written in a cell (`1,494.61`, `41`, `１４９４．６１`), or null. */
export function amountText(cell: string): string | null {
  const text = foldWidth(cell).replace(/[,\s]/g, '').replace(/(万元|万|元)$/, '');
  return /^\d+(\.\d+)?$/.test(text) ? text : null;
}

/** The unit a label or a line names: `（万元）` / `单位：万元` → wan, `（元）` / `单位：元` → yuan, else null. */
export function unitNamed(text: string): AmountUnit | null {
  const folded = foldWidth(text).replace(/\s+/g, '');
  if (/万元/.test(folded)) return 'wan';
  if (/[(:]元\)?|单位:元/.test(folded)) return 'yuan';
  return null;
}

/** The cell's amount in 元 with two places, or null when the cell is no amount. */
export function toYuan(cell: string, unit: AmountUnit): string | null {
  const text = amountText(cell);
  if (text === null) return null;
  const ownUnit = /万/.test(cell) ? 'wan' : /元/.test(cell) ? 'yuan' : unit;
  return ownUnit === 'wan' ? wanToYuan(text) : formatMoney(text);
}

/** 其他资金 where the table leaves it empty: 资金总额 − 财政拨款 when both are known. */
export function otherFunds(total: string, fiscal: string | null, other: string | null): string | null {
  if (other !== null) return other;
  if (fiscal === null) return null;
  return subtractMoney(total, fiscal);
}
