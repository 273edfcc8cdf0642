/**
 * How the change of a relative target is measured (DESIGN §3, 变化的计量方式): `个百分点` in
 * percentage points; `%` (or `百分比`) in points when the indicator's own value is a rate, as a
 * relative change otherwise, with a warning either way; any other unit, or none, in that unit.
 */
import type { ParseContext, ParseWarning, RelativeChange } from '../../target-spec';
import { isRateIndicator } from '../indicator-context';
import { warn } from '../reading';

const POINT_UNITS: readonly string[] = ['个百分点', '百分点'];

export function changeOf(
  unit: string | null,
  written: string,
  context: ParseContext,
): { change: RelativeChange; warnings: ParseWarning[] } {
  if (unit !== null && POINT_UNITS.includes(unit)) return { change: 'points', warnings: [] };
  if (unit !== '%') return { change: 'unit', warnings: [] };
  if (isRateIndicator(context)) {
    return {
      change: 'points',
      warnings: [
        warn(
          'RELATIVE_PERCENT_AMBIGUOUS',
          `“${written}”中的%可能指百分点，也可能指相对上年的增减幅度；指标本身是比率，已按百分点理解（与上年相差的百分点），如不对可在解析结果中更正。`,
        ),
      ],
    };
  }
  return {
    change: 'percent',
    warnings: [
      warn(
        'RELATIVE_PERCENT_AMBIGUOUS',
        `“${written}”中的%可能指百分点，也可能指相对上年的增减幅度；指标本身不是比率，已按相对上年的增减幅度理解（（本年−上年）÷上年），如不对可在解析结果中更正。`,
      ),
    ],
  };
}
