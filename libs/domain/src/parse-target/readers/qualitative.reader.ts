/**
 * Qualitative targets (定性指标): what no other reader took — `全覆盖`, `及时`, `有效保障`. Also the
 * empty target: nothing, or only a dash or slash as empty table cells are written (`—`, `/`).
 */
import { notRead, qualitative, Reading } from '../reading';

/** Empty, or only dashes, slashes or underscores. `compact` is half-width without whitespace. */
export function readEmpty(compact: string): Reading | undefined {
  if (compact === '') return notRead('EMPTY_TARGET', '指标值为空。');
  if (/^[-—–―_/\\、~～]+$/.test(compact)) return notRead('EMPTY_TARGET', `指标值只有“${compact}”，按空白处理。`);
  return undefined;
}

/** The fallback: a qualitative target, without a warning (its text is the raw target, trimmed). */
export function readQualitative(): Reading {
  return { spec: qualitative(''), warnings: [] };
}
