import type { TargetSpec } from '@jixiao/domain/target-spec';
import { actualKindFor, draftFrom, isBlank, readActual, toEntry } from './actual-form';

const people: TargetSpec = { kind: 'numeric', op: '>=', value: 27, unit: '万人' };
const deadline: TargetSpec = { kind: 'deadline', by: '12-31' };
const recurring: TargetSpec = { kind: 'recurring', every: 'month', day: 20 };
const qualitative: TargetSpec = { kind: 'qualitative', text: '提升' };
const relative: TargetSpec = { kind: 'relative', op: '>=', delta: null, unit: '%' };
const final = { final: true, fiscalYear: 2024 };

describe('actual form', () => {
  it('chooses the input by the target kind', () => {
    expect([people, deadline, recurring, qualitative, relative].map(actualKindFor)).toEqual(['number', 'date', 'occurrences', 'tier', 'number']);
  });

  it('fills a row from a stored record and reads it back unchanged', () => {
    const record = {
      indicatorId: 'a', period: 'Y' as const, actual: { kind: 'number' as const, value: 96.5, previousYear: 95 }, forecast: 97, likelihood: 'certain' as const,
      deviationCategory: 'other' as const, deviationReason: '原因', measures: '措施', recordedAt: '2025-01-05T00:00:00Z', recordedBy: '张三',
    };
    const draft = draftFrom('a', relative, record);
    expect(draft).toMatchObject({ kind: 'number', value: '96.5', previousYear: '95', forecast: '97', hadRecord: true });
    expect(toEntry(draft, relative, final)).toEqual({
      indicatorId: 'a', actual: { kind: 'number', value: 96.5, previousYear: 95 }, forecast: 97, likelihood: 'certain', deviationCategory: 'other', deviationReason: '原因', measures: '措施',
    });
  });

  it('sends nothing for a blank new row, and a clearing entry for a row emptied after it was recorded', () => {
    const blank = draftFrom('a', people, undefined);
    expect(isBlank(blank)).toBe(true);
    expect(toEntry(blank, people, final)).toBeNull();
    expect(toEntry({ ...blank, hadRecord: true }, people, final)).toMatchObject({ indicatorId: 'a', actual: null, forecast: null });
  });

  it('reads dates, 未完成, occurrences and tiers', () => {
    const d = draftFrom('d', deadline, undefined);
    expect(readActual({ ...d, doneOn: '2024-11-30' })).toEqual({ kind: 'date', doneOn: '2024-11-30' });
    expect(readActual({ ...d, notDone: true })).toEqual({ kind: 'date', doneOn: null });
    const r = draftFrom('r', recurring, undefined);
    expect(readActual({ ...r, onTime: '11', total: '12' })).toEqual({ kind: 'occurrences', onTime: 11, total: 12 });
    expect(readActual({ ...r, onTime: '11', total: 'x' })).toBe('请填写按时完成次数和应完成次数');
    expect(readActual({ ...draftFrom('q', qualitative, undefined), tier: 'partial' })).toEqual({ kind: 'tier', tier: 'partial' });
  });

  it('refuses what the server would refuse, with the same sentence', () => {
    const r = draftFrom('r', recurring, undefined);
    expect(toEntry({ ...r, onTime: '13', total: '12' }, recurring, final)).toEqual({ error: '按时完成次数须为 0 到 12 之间的整数' });
    expect(toEntry({ ...draftFrom('x', relative, undefined), value: '10' }, relative, final)).toEqual({ error: '与上年比较的指标须同时填写上年实际值' });
    expect(toEntry({ ...draftFrom('x', relative, undefined), value: '10' }, relative, { final: false, fiscalYear: 2024 })).toMatchObject({ actual: { kind: 'number', value: 10 } });
    expect(toEntry({ ...draftFrom('p', people, undefined), value: '二十' }, people, final)).toEqual({ error: '“二十”不是数字' });
    expect(toEntry({ ...draftFrom('p', people, undefined), value: '20', forecast: '很多' }, people, final)).toEqual({ error: '全年预计值“很多”不是数字' });
  });

  it('records a count per period as 达标次数 of 应完成次数, due by default times × the periods ended', () => {
    const quarterly: TargetSpec = { kind: 'recurring', every: 'quarter', day: null, times: 1 };
    const year = draftFrom('q', quarterly, undefined);
    expect(year).toMatchObject({ kind: 'occurrences', requiredDefault: 4, occurrenceLabels: { done: '达标次数', required: '应完成次数' } });
    expect(readActual(year)).toBeNull();
    expect(readActual({ ...year, onTime: '3' })).toEqual({ kind: 'occurrences', onTime: 3, total: 4 });
    expect(readActual({ ...year, onTime: '3', total: '5' })).toEqual({ kind: 'occurrences', onTime: 3, total: 5 });
    expect(toEntry({ ...year, onTime: '5' }, quarterly, final)).toEqual({ error: '达标次数须为 0 到 4 之间的整数' });
    expect(draftFrom('q', quarterly, undefined, 7).requiredDefault).toBe(2);
    expect(draftFrom('m', { kind: 'recurring', every: 'month', day: null, times: 2 }, undefined).requiredDefault).toBe(24);
  });

  it('defaults 应完成次数 of a deadline in each period to one per period (每月20日前: 12), none before a yearly one is due', () => {
    const monthly = draftFrom('r', recurring, undefined, 9);
    expect(monthly).toMatchObject({ requiredDefault: 9, occurrenceLabels: { done: '按时完成次数' } });
    expect(readActual({ ...monthly, onTime: '9' })).toEqual({ kind: 'occurrences', onTime: 9, total: 9 });
    const yearly = draftFrom('y', { kind: 'recurring', every: 'year', day: null, times: 2 }, undefined, 9);
    expect(yearly.requiredDefault).toBeNull();
    expect(readActual({ ...yearly, onTime: '1' })).toBe('请填写达标次数和应完成次数');
  });

  it('asks a relative target for last year’s value beside the actual', () => {
    const draft = draftFrom('x', relative, undefined);
    expect(draft.kind).toBe('number');
    expect(readActual({ ...draft, value: '96', previousYear: '上年' })).toBe('上年实际值“上年”不是数字');
    expect(readActual({ ...draft, value: '96', previousYear: '95' })).toEqual({ kind: 'number', value: 96, previousYear: 95 });
  });
});
