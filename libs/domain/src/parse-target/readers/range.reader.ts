/**
 * Ranges (区间): `6-9 月`, `80%-90%`, `80%~90%`, `6至9个月`, `在3.5-4.5万元之间`, `±5%`, `100±5`.
 * Dashes and tildes are one `-` after normalisation. A period of dates never gets here as a
 * range of decimals (`2023.07-2024.01`): the deadline reader takes it, or it stays unread.
 */
import { isKnownUnit, normalizeUnit } from '../../units';
import { NUMBER } from '../leftover';
import { Reading, unitUnknown, warn } from '../reading';
import type { ParseWarning } from '../../target-spec';

const RANGE = new RegExp(
  `^(?:在|介于|处于|控制在|保持在)?(${NUMBER})([^\\d]*?)(?:-|至|到|和|与)(${NUMBER})([^\\d]*?)(?:之间|以内|范围内|区间内?)?$`,
);
const PLUS_MINUS = new RegExp(`^(?:在|控制在|误差|偏差|偏离度?)?(${NUMBER})?±(${NUMBER})([^\\d]*?)(?:以内|之内|范围内|内)?$`);
/** A year with a month (2023.07, 2024.1): two of them are a period, not a range of numbers. */
const YEAR_MONTH = /^(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])$/;

export function readRange(text: string): Reading | undefined {
  const plusMinus = PLUS_MINUS.exec(text);
  if (plusMinus !== null) return readPlusMinus(plusMinus);
  const m = RANGE.exec(text);
  if (m === null) return undefined;
  const [, lowText = '', lowUnitText = '', highText = '', highUnitText = ''] = m;
  if (YEAR_MONTH.test(lowText) || YEAR_MONTH.test(highText)) return undefined;
  const lowUnit = normalizeUnit(lowUnitText);
  const highUnit = normalizeUnit(highUnitText);
  const warnings: ParseWarning[] = [];
  if (lowUnit !== null && highUnit !== null && lowUnit !== highUnit) {
    warnings.push(warn('RANGE_UNITS_DIFFER', `区间两端单位不同（${lowUnit}、${highUnit}），按“${highUnit}”读取。`));
  }
  const unit = highUnit ?? lowUnit;
  if (unit !== null && !isKnownUnit(unit)) warnings.push(unitUnknown(unit));
  let min = Number(lowText);
  let max = Number(highText);
  if (min > max) {
    warnings.push(warn('RANGE_REVERSED', `区间下限${min}大于上限${max}，已对调。`));
    [min, max] = [max, min];
  }
  return { spec: { kind: 'range', min, max, unit }, warnings };
}

/** `±5%`: from −5 to 5; `100±5`: from 95 to 105. */
function readPlusMinus(m: RegExpExecArray): Reading {
  const [, centreText, spreadText = '', unitText = ''] = m;
  const centre = centreText === undefined ? 0 : Number(centreText);
  const spread = Number(spreadText);
  const unit = normalizeUnit(unitText);
  const warnings = unit !== null && !isKnownUnit(unit) ? [unitUnknown(unit)] : [];
  const min = Number((centre - spread).toPrecision(15));
  const max = Number((centre + spread).toPrecision(15));
  return { spec: { kind: 'range', min, max, unit }, warnings };
}
