import { evaluateCompletion } from './completion';
import { indicatorLight, lightOfCompletion, PeriodRecord } from './indicator-light';
import type { Period } from './lights';
import type { TargetSpec } from './target-spec';

const people: TargetSpec = { kind: 'numeric', op: '>=', value: 1200, unit: '人次' };
const rate: TargetSpec = { kind: 'numeric', op: '>=', value: 95, unit: '%' };
const money: TargetSpec = { kind: 'numeric', op: '>=', value: 50, unit: '万元' };
const cap: TargetSpec = { kind: 'numeric', op: '<=', value: 41, unit: '万元' };
const deadline: TargetSpec = { kind: 'deadline', by: '09-30' };
const qualitative: TargetSpec = { kind: 'qualitative', text: '全覆盖' };
const light = (spec: TargetSpec, period: Period, record: PeriodRecord | null) => indicatorLight(spec, period, record, { fiscalYear: 2024 });
const number = (value: number, extra: Partial<PeriodRecord> = {}): PeriodRecord => ({ actual: { kind: 'number', value }, ...extra });

describe(indicatorLight.name, () => {
  describe('during the year: a quantity by its pace', () => {
    it('a number to date against the target × share of the year', () => {
      const result = light(people, 'Q2', number(300));
      expect(result.pace).toBe(0.5);
      expect(result.light).toBe('red');
    });
    it('the forecast wins over the number to date', () => expect(light(people, 'Q1', number(10, { forecast: 1200 })).light).toBe('green'));
    it('a percentage is not cumulative', () => expect(light(rate, 'Q1', number(90)).light).toBe('green'));
    it('an exact target (=) lights by its pace too', () => {
      expect(light({ kind: 'numeric', op: '=', value: 370, unit: '人' }, 'Q2', number(185)).light).toBe('green');
    });
    it('the stated likelihood darkens, never brightens', () => {
      expect(light(people, 'Q4', number(1500, { likelihood: 'possible' })).light).toBe('yellow');
      expect(light(people, 'Q2', number(100, { likelihood: 'certain' })).light).toBe('red');
    });
    it('nothing recorded: no light, and says why', () => {
      const result = light(people, 'M7', null);
      expect(result.light).toBeNull();
      expect(result.explanation).toContain('未录入');
    });
  });

  describe('at year end (Y) the light is the unmet flag of 自评', () => {
    it('45 against ≥ 50万元 is 未完成·轻微: yellow, never green', () => {
      const result = light(money, 'Y', number(45));
      expect(result.light).toBe('yellow');
      expect(result.explanation).toContain('未完成·轻微');
      expect(result.explanation).toContain('黄灯');
    });
    it('met → green; met at r ≥ 1.2 → blue', () => {
      expect(light(money, 'Y', number(50)).light).toBe('green');
      expect(light(money, 'Y', number(59.99)).light).toBe('green');
      expect(light(money, 'Y', number(60)).light).toBe('blue');
    });
    it('moderate and severe → red', () => {
      expect(light(money, 'Y', number(44.99)).light).toBe('red');
      expect(light(money, 'Y', number(10)).light).toBe('red');
    });
    it('no final actual → grey', () => {
      expect(light(money, 'Y', null)).toEqual({ pace: null, light: 'grey', explanation: '未录入年终实际完成值 → 灰灯·未填报' });
      expect(light(money, 'Y', { actual: null, likelihood: 'certain' }).light).toBe('grey');
    });
    it('a stated likelihood no longer changes the year-end light', () => {
      expect(light(people, 'Y', number(1500, { likelihood: 'possible' })).light).toBe('blue');
      expect(light(people, 'Y', number(100, { likelihood: 'certain' })).light).toBe('red');
    });
    it('agrees with the self-assessment for every kind of target', () => {
      const cases: [TargetSpec, PeriodRecord['actual']][] = [
        [cap, { kind: 'number', value: 45 }],
        [deadline, { kind: 'date', doneOn: '2024-10-15' }],
        [{ kind: 'recurring', every: 'quarter', day: null, times: 1 }, { kind: 'occurrences', onTime: 3, total: 4 }],
        [{ kind: 'relative', op: '>=', delta: 10, unit: '%', change: 'percent' }, { kind: 'number', value: 205, previousYear: 200 }],
        [qualitative, { kind: 'tier', tier: 'partial' }],
        [{ kind: 'range', min: 80, max: 90, unit: '%' }, { kind: 'number', value: 95 }],
      ];
      for (const [spec, actual] of cases) {
        const completion = evaluateCompletion(spec, actual!, { fiscalYear: 2024 });
        expect(light(spec, 'Y', { actual }).light).toBe(lightOfCompletion(completion));
        expect(light(spec, 'Y', { actual }).light).not.toBe('green');
      }
    });
    it('an actual that does not fit the target gives no light and says why', () => {
      const result = light(deadline, 'Y', number(3));
      expect(result.light).toBeNull();
      expect(result.explanation).toContain('无法计算完成率');
    });
  });

  describe('every kind lights during the year', () => {
    it('a cost cap by the forecast, else the amount to date: over it → red', () => {
      expect(light(cap, 'Q2', number(20)).light).toBe('green');
      expect(light(cap, 'Q2', number(42)).light).toBe('red');
      expect(light(cap, 'Q2', number(20, { forecast: 45 })).light).toBe('red');
      expect(light(cap, 'Q2', number(20, { forecast: 41 })).explanation).toBe('全年预计 41万元 未超过上限 41万元 → 绿灯·正常');
    });
    it('a deadline by its date: done on time → green, done late → red', () => {
      expect(light(deadline, 'Q3', { actual: { kind: 'date', doneOn: '2024-09-01' } }).light).toBe('green');
      expect(light(deadline, 'Q4', { actual: { kind: 'date', doneOn: '2024-10-15' } }).light).toBe('red');
    });
    it('a deadline due and not done → red; not yet due → by the likelihood', () => {
      expect(light(deadline, 'Q3', { actual: { kind: 'date', doneOn: null } })).toMatchObject({ light: 'red', explanation: '截止 2024-09-30 已到期，尚未完成 → 红灯·严重滞后' });
      expect(light(deadline, 'M7', { actual: { kind: 'date', doneOn: null } }).light).toBeNull();
      expect(light(deadline, 'M7', { actual: null, likelihood: 'certain' }).light).toBe('green');
      expect(light(deadline, 'M7', { actual: null, likelihood: 'possible' }).light).toBe('yellow');
      expect(light(deadline, 'Q2', { actual: null, likelihood: 'impossible' }).light).toBe('red');
    });
    it('a qualitative target by its tier and its likelihood', () => {
      expect(light(qualitative, 'M7', { actual: { kind: 'tier', tier: 'achieved' } }).light).toBe('green');
      expect(light(qualitative, 'M7', { actual: { kind: 'tier', tier: 'partial' } }).light).toBe('red');
      expect(light(qualitative, 'M7', { actual: { kind: 'tier', tier: 'achieved' }, likelihood: 'possible' }).light).toBe('yellow');
      expect(light(qualitative, 'M7', { actual: null, likelihood: 'possible' }).light).toBe('yellow');
      expect(light(qualitative, 'M7', { actual: null }).light).toBeNull();
    });
    it('a recurring target by its occurrences so far', () => {
      const monthly: TargetSpec = { kind: 'recurring', every: 'month', day: 20 };
      expect(light(monthly, 'Q2', { actual: { kind: 'occurrences', onTime: 6, total: 6 } }).light).toBe('green');
      expect(light(monthly, 'Q2', { actual: { kind: 'occurrences', onTime: 4, total: 6 } }).light).toBe('red');
    });
    it('a relative target by the forecast (or the value to date) against last year', () => {
      const spec: TargetSpec = { kind: 'relative', op: '>=', delta: 2, unit: '%', change: 'points' };
      expect(light(spec, 'M9', { actual: { kind: 'number', value: 91, previousYear: 90 }, forecast: 92.2 }).light).toBe('green');
      expect(light(spec, 'M9', { actual: { kind: 'number', value: 91, previousYear: 90 }, forecast: 92.5 }).light).toBe('blue');
      expect(light(spec, 'M9', { actual: { kind: 'number', value: 91, previousYear: 90 } }).light).toBe('red');
      expect(light(spec, 'M9', number(91)).light).toBeNull();
    });
    it('a range by the forecast, or by the value to date when it is a rate', () => {
      const range: TargetSpec = { kind: 'range', min: 80, max: 90, unit: '%' };
      expect(light(range, 'Q2', number(85)).light).toBe('green');
      expect(light(range, 'Q2', number(99)).light).toBe('yellow'); // 90 ÷ 99 = 90.91%: 轻微
      expect(light(range, 'Q2', number(120)).light).toBe('red');
      const months: TargetSpec = { kind: 'range', min: 6, max: 9, unit: '月' };
      expect(light(months, 'Q2', number(3)).light).toBeNull();
      expect(light(months, 'Q2', number(3, { forecast: 8 })).light).toBe('green');
    });
  });
});
