/**
 * Ranges (区间): `6-9 月`, `80%-90%`, `80%~90%`, `6至9个月`, `在3.5-4.5万元之间`, `±5%`, `100±5`.
 * Dashes and tildes are one `-` after normalisation. A period of dates never gets here as a
 * range of decimals (`2023.07-2024.01`): the deadline reader takes it, or it stays unread.
 */
import { isKnownUnit, normalizeUnit } from '../../units';
import { NUMBER } from '../leftover';
import { direction, OP_PATTERN, opOf } from '../operators';
import { Reading, unitUnknown, warn } from '../reading';
import type { ParseWarning } from '../../target-spec';

const RANGE = new RegExp(
  `^(?:在|介于|处于|控制在|保持在)?(${NUMBER})([^\\d]*?)(?:-|至|到|和|与)(${NUMBER})([^\\d]*?)(?:之间|以内|范围内|区间内?)?$`,
);
const PLUS_MINUS = new RegExp(`^(?:误差|偏差|偏离)?(?:率|度|幅度)?(?:在|控制在)?(${NUMBER})?±(${NUMBER})([^\\d]*?)(?:以内|之内|范围内|内)?$`);
/** `≥90%且≤95%`, `不低于90%，不高于95%`: a lower and an upper bound (either order). */
const BOUNDS = new RegExp(
  `^(${OP_PATTERN})(${NUMBER})([^\\d]*?)(?:且|并且|同时|,|;|、|-|至)?(${OP_PATTERN})(${NUMBER})([^\\d]*?)$`,
);

/** A year with a month (2023.07, 2024.1): two of them are a period, not a range of numbers. */
const YEAR_MONTH = /^(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])$/;

export function readRange(text: string): Reading | undefined {
  const plusMinus = PLUS_MINUS.exec(text);
  if (plusMinus !== null) return readPlusMinus(plusMinus);
  const bounds = BOUNDS.exec(text);
  if (bounds !== null) return readBounds(bounds);
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

/** Two bounds that face each other make a range; anything else is left to the other readers. */
function readBounds(m: RegExpExecArray): Reading | undefined {
  const [, firstOp = '', firstText = '', firstUnit = '', secondOp = '', secondText = '', secondUnit = ''] = m;
  const first = direction(opOf(firstOp));
  const second = direction(opOf(secondOp));
  if (first === 'equal' || second === 'equal' || first === second) return undefined;
  const [low, lowUnit, high, highUnit] =
    first === 'up' ? [firstText, firstUnit, secondText, secondUnit] : [secondText, secondUnit, firstText, firstUnit];
  const unit = normalizeUnit(highUnit) ?? normalizeUnit(lowUnit);
  const warnings = unit !== null && !isKnownUnit(unit) ? [unitUnknown(unit)] : [];
  if (Number(low) > Number(high)) return undefined;
  return { spec: { kind: 'range', min: Number(low), max: Number(high), unit }, warnings };
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
