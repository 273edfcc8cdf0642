import Big from 'big.js';

/** The months whose amount or note a save changes (added, removed or different): only those must be inside an open window. */
export function changedMonths(stored: readonly { month: number; amount: string; note: string | null }[], sent: readonly { month: number; amount: string; note?: string | null }[]): number[] {
  const months = new Set([...stored.map((e) => e.month), ...sent.map((e) => e.month)]);
  return [...months].filter((month) => {
    const a = stored.find((e) => e.month === month);
    const b = sent.find((e) => e.month === month);
    return a === undefined || b === undefined || !new Big(a.amount).eq(b.amount) || (a.note ?? null) !== blankToNull(b.note);
  });
}

/** A note as stored: trimmed, and null when blank. */
export function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
