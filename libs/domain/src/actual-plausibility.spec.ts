import { checkActualPlausibility, IMPLAUSIBLE_FACTOR } from './actual-plausibility';
import type { IndicatorActualValue } from './completion';
import type { TargetSpec } from './target-spec';

const atLeast: TargetSpec = { kind: 'numeric', op: '>=', value: 2, unit: '人' };
const moreThan: TargetSpec = { kind: 'numeric', op: '>', value: 27, unit: '万人' };
const cap: TargetSpec = { kind: 'numeric', op: '<=', value: 41, unit: '万元' };
const strictCap: TargetSpec = { kind: 'numeric', op: '<', value: 5, unit: '起' };
const exactly: TargetSpec = { kind: 'numeric', op: '=', value: 100, unit: '%' };
const zeroTarget: TargetSpec = { kind: 'numeric', op: '<=', value: 0, unit: '起' };
const negativeTarget: TargetSpec = { kind: 'numeric', op: '>=', value: -3, unit: '%' };
const range: TargetSpec = { kind: 'range', min: 80, max: 90, unit: '%' };
const rangeFromZero: TargetSpec = { kind: 'range', min: 0, max: 5, unit: '天' };
const zeroRange: TargetSpec = { kind: 'range', min: 0, max: 0, unit: null };
const relative: TargetSpec = { kind: 'relative', op: '>=', delta: 10, unit: '%' };
const number = (value: number, previousYear?: number | null): IndicatorActualValue => ({ kind: 'number', value, previousYear });
const final = { final: true };
const monitoring = { final: false };

describe('checkActualPlausibility', () => {
  it('uses a factor of 100', () => expect(IMPLAUSIBLE_FACTOR).toBe(100));

  it.each<[string, TargetSpec, IndicatorActualValue]>([
    ['exactly 100 × a ≥ target', atLeast, number(200)],
    ['exactly a hundredth of a ≥ target', atLeast, number(0.02)],
    ['a value near its target', moreThan, number(28)],
    ['zero against any target (nothing done)', atLeast, number(0)],
    ['a tiny value under a cap (the cap is met)', cap, number(0.0001)],
    ['exactly 100 × a cap', cap, number(4100)],
    ['a negative value near a negative target', negativeTarget, number(-250)],
    ['anything against a zero target (no scale)', zeroTarget, number(1e9)],
    ['anything against a zero range', zeroRange, number(1e9)],
    ['inside a range', range, number(85)],
    ['a tiny value in a range starting at 0 (its only scale is the upper bound)', rangeFromZero, number(0.06)],
    ['a relative target without last year’s value', relative, number(1e9)],
    ['a relative target with last year’s value near it', relative, number(110, 100)],
    ['a relative target with last year’s value zero', relative, number(1e9, 0)],
    ['a date', { kind: 'deadline', by: '09-30' }, { kind: 'date', doneOn: '2024-09-30' }],
    ['occurrences', { kind: 'recurring', every: 'month', day: 20 }, { kind: 'occurrences', onTime: 1000, total: 1000 }],
    ['a tier', { kind: 'qualitative', text: '提升' }, { kind: 'tier', tier: 'achieved' }],
    ['a non-finite number (checkActualValue refuses it)', atLeast, number(Number.NaN)],
  ])('accepts %s', (_name, spec, actual) => {
    expect(checkActualPlausibility(spec, actual, final)).toBeNull();
  });

  it('accepts no actual', () => expect(checkActualPlausibility(atLeast, null, final)).toBeNull());

  it.each<[string, TargetSpec, IndicatorActualValue, 'above' | 'below', string]>([
    ['2000000 against ≥2人 (the probe’s value)', atLeast, number(2_000_000), 'above', '指标值'],
    ['just above 100 × a ≥ target', atLeast, number(200.01), 'above', '指标值'],
    ['just below a hundredth of a ≥ target', atLeast, number(0.0199), 'below', '指标值'],
    ['0.9 against ≥90% (a rate typed as a fraction)', { kind: 'numeric', op: '>=', value: 90, unit: '%' }, number(0.9 / 2), 'below', '指标值'],
    ['far above a > target', moreThan, number(270_000), 'above', '指标值'],
    ['far above a ≤ cap', cap, number(410_000), 'above', '指标值'],
    ['far above a < cap', strictCap, number(501), 'above', '指标值'],
    ['far above an = target', exactly, number(10_001), 'above', '指标值'],
    ['far below an = target', exactly, number(0.99), 'below', '指标值'],
    ['a negative value far from a positive target (compared by size)', atLeast, number(-1000), 'above', '指标值'],
    ['far from a negative target', negativeTarget, number(-301), 'above', '指标值'],
    ['above 100 × a range’s upper bound', range, number(9001), 'above', '区间上限'],
    ['below a hundredth of a range’s lower bound', range, number(0.79), 'below', '区间下限'],
    ['above 100 × a range from 0', rangeFromZero, number(501), 'above', '区间上限'],
    ['a relative actual far above last year', relative, number(1_000_000, 100), 'above', '上年实际值'],
    ['a relative actual far below last year (or last year mistyped)', relative, number(0.5, 100), 'below', '上年实际值'],
    ['the largest double', atLeast, number(Number.MAX_VALUE), 'above', '指标值'],
    ['the smallest double', atLeast, number(Number.MIN_VALUE), 'below', '指标值'],
  ])('doubts %s', (_name, spec, actual, direction, referenceLabel) => {
    const doubt = checkActualPlausibility(spec, actual, final);
    expect(doubt).toMatchObject({ direction, referenceLabel });
    expect(doubt!.message).toContain(direction === 'above' ? '的 100 倍' : '的 1/100');
    expect(doubt!.message).toContain('确认无误');
    expect(doubt!.message).not.toMatch(/e[+-]\d/); // exact decimals, never an exponent
  });

  it('names the value, the reference and the target in the message', () => {
    expect(checkActualPlausibility(atLeast, number(2_000_000), final)).toEqual({
      direction: 'above',
      referenceLabel: '指标值',
      reference: '2人',
      actual: '2000000人',
      target: '≥ 2 人',
      message: '实际完成值 2000000人 超过指标值 2人 的 100 倍（指标值 ≥ 2 人），可能录入有误（单位、小数点或多输了数字）；请核对，确认无误后选择“数值无误，仍然保存”',
    });
    expect(checkActualPlausibility(range, number(0.5), final)!.message).toContain('实际完成值 0.5% 不到区间下限 80% 的 1/100（指标值 80%–90%）');
  });

  it('compares exactly, not in binary floats', () => {
    // 0.07 × 100 = 7.000000000000001 in floats: 7 is exactly 100 × 0.07 and is not doubted
    expect(checkActualPlausibility({ kind: 'numeric', op: '>=', value: 0.07, unit: null }, number(7), final)).toBeNull();
    expect(checkActualPlausibility({ kind: 'numeric', op: '>=', value: 0.07, unit: null }, number(7.0000001), final)).not.toBeNull();
    // 0.0007 × 100 = 0.07: not below a hundredth
    expect(checkActualPlausibility({ kind: 'numeric', op: '>=', value: 7, unit: null }, number(0.07), final)).toBeNull();
  });

  it('doubts a small value at year end only: during the year it is progress', () => {
    expect(checkActualPlausibility(atLeast, number(0.01), monitoring)).toBeNull();
    expect(checkActualPlausibility(atLeast, number(0.01), final)).toMatchObject({ direction: 'below' });
    expect(checkActualPlausibility(atLeast, number(2_000_000), monitoring)).toMatchObject({ direction: 'above' });
  });
});
