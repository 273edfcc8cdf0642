import { yuanToWan } from '@jixiao/domain/money';
import Big from 'big.js';

/**
 * 元 (decimal string, two places) → 万元 with up to four decimals, trailing zeros dropped, as the
 * budget tables print it: '28320000.00' → '2832', '410000.00' → '41', '19966200.00' → '1996.62'.
 * Decimal arithmetic only (big.js through the domain's money helpers); '—' when there is no amount.
 */
export function formatWan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  try {
    return trimZeros(yuanToWan(yuan, 4));
  } catch {
    return '—';
  }
}

/** 元 → 万元 exactly (a cent is 0.000001 万元), trailing zeros dropped: '60000.50' → '6.00005'. */
export function formatWanExact(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  try {
    return trimZeros(yuanToWan(yuan, 6));
  } catch {
    return '—';
  }
}

function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}

/** part ÷ whole as a percentage with at most one decimal ('25%', '62.5%'); '—' when it cannot be computed. */
export function formatShare(part: string | null | undefined, whole: string | null | undefined): string {
  if (part === null || part === undefined || whole === null || whole === undefined) return '—';
  try {
    const divisor = new Big(whole);
    if (divisor.eq(0)) return '—';
    return `${trimZeros(new Big(part).times(100).div(divisor).round(1, Big.roundHalfUp).toFixed(1))}%`;
  } catch {
    return '—';
  }
}
