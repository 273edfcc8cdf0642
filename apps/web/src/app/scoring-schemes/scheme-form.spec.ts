import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { beijingTime, newDraftGroup, schemeDraft, schemeProblems, toScheme, totalPoints } from './scheme-form';

describe('scheme-form', () => {
  it('reads a scheme into a draft and back unchanged', () => {
    expect(toScheme(schemeDraft(DEPARTMENT_WIDE_SCHEME))).toEqual(DEPARTMENT_WIDE_SCHEME);
    expect(schemeDraft(NATIONAL_PROJECT_SCHEME).groups.map((g) => g.aliases)).toEqual(['产出、成本', '效益', '满意']);
  });

  it('splits the words at 、，, ; and spaces and drops empty ones', () => {
    const draft = schemeDraft(NATIONAL_PROJECT_SCHEME);
    draft.groups[0]!.aliases = ' 产出，成本、 投入;;管理 ';
    expect(toScheme(draft).groups[0]!.aliases).toEqual(['产出', '成本', '投入', '管理']);
  });

  it('sums the points exactly in hundredths, or says nothing while one cannot be read', () => {
    const draft = schemeDraft(NATIONAL_PROJECT_SCHEME);
    draft.groups[0]!.points = '33.33';
    draft.groups[1]!.points = '33.34';
    draft.groups[2]!.points = '23.3';
    expect(totalPoints(draft)).toBe('99.97');
    draft.groups[2]!.points = '23.33';
    expect(totalPoints(draft)).toBe('100');
    expect(schemeProblems(draft)).toEqual([]);
    draft.budgetExecution = '';
    expect(totalPoints(draft)).toBeNull();
    expect(schemeProblems(draft)).toEqual(['预算执行率分值“”须为不超过两位小数的非负数']);
  });

  it('gives a new group a code no other group has', () => {
    const groups = schemeDraft(NATIONAL_PROJECT_SCHEME).groups;
    expect(newDraftGroup(groups).code).toBe('group4');
    expect(newDraftGroup([...groups, { ...newDraftGroup(groups) }]).code).toBe('group5');
  });

  it('shows saved times in 北京时间', () => {
    expect(beijingTime('2024-12-31T16:30:00.000Z')).toBe('2025/01/01 00:30');
  });
});
