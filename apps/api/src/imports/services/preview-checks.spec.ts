import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '@jixiao/contracts';
import { DATASETS_DIR } from '../../../../../test/support/fixtures';
import { findExistingProject } from '../../datasets/services/dataset-merge.service';
import { checkReadDataset, importBlockers } from './preview-checks';

const hanyin = (): Dataset => JSON.parse(readFileSync(join(DATASETS_DIR, 'hanyin-2024.json'), 'utf8')) as Dataset;

describe(checkReadDataset.name, () => {
  it('passes a fixture through unchanged, with no errors', () => {
    const dataset = hanyin();
    const checked = checkReadDataset({ dataset, origins: [] });
    expect(checked).toMatchObject({ dataset, errors: [], money: [], region: '汉阴县', fiscalYear: 2024, department: { code: '962', name: '汉阴县医疗保障局' } });
  });

  it('reports the money rules on a valid dataset', () => {
    const dataset = hanyin();
    dataset.projects[0]!.amount = { total: '100.00', fiscal: '60.00', other: '50.00' };
    const checked = checkReadDataset({ dataset, origins: [] });
    expect(checked.errors).toEqual([]);
    expect(checked.money).toEqual([expect.objectContaining({ path: 'projects[0].amount', code: 'PARTS' })]);
  });

  it('reads what it can of a broken dataset and gives no dataset', () => {
    const broken = { ...hanyin(), fiscalYear: '2024', department: { code: 7, name: '某局' } } as unknown as Dataset;
    const checked = checkReadDataset({ dataset: broken, origins: [] });
    expect(checked.dataset).toBeNull();
    expect(checked.errors.map((e) => e.path)).toEqual(['fiscalYear', 'department.code']);
    expect(checked).toMatchObject({ fiscalYear: null, region: '汉阴县', department: { code: null, name: '某局' } });
    const garbage = checkReadDataset({ dataset: 'text' as unknown as Dataset, origins: [] });
    expect(garbage).toMatchObject({ dataset: null, region: null, fiscalYear: null, department: { code: null, name: '' } });
  });
});

describe(importBlockers.name, () => {
  const ok = checkReadDataset({ dataset: hanyin(), origins: [] });

  it('has none for valid datasets the caller may import', () => {
    expect(importBlockers([ok, ok], [true, true])).toEqual([]);
  });

  it('blocks an empty reading', () => {
    expect(importBlockers([], [])).toEqual([expect.objectContaining({ code: 'NOTHING_READ', dataset: null })]);
  });

  it('names each dataset’s format errors, money refusals and missing right, in Chinese without the English gloss', () => {
    const money = hanyin();
    money.projects[1]!.amount = { total: '-1.00', fiscal: null, other: null };
    const broken = { ...hanyin(), fiscalYear: 1999 } as Dataset;
    const blockers = importBlockers(
      [ok, checkReadDataset({ dataset: money, origins: [] }), checkReadDataset({ dataset: broken, origins: [] })],
      [false, true, true],
    );
    expect(blockers.map((b) => [b.code, b.dataset])).toEqual([['NO_IMPORT_RIGHT', 0], ['MONEY_RULES', 1], ['FORMAT_ERRORS', 2]]);
    expect(blockers[0]!.message).toBe('您无权导入「汉阴县」的「汉阴县医疗保障局」：财政审核只能导入本辖区的数据，主管部门只能导入本部门（名称须与系统中的部门一致）的数据');
    expect(blockers[1]!.message).toMatch(/^「汉阴县医疗保障局」的金额有误（共 1 处），第一处：projects\[1\]\.amount\.total：金额不能为负数/);
    expect(blockers[2]!.message).not.toContain(' / ');
    expect(blockers[2]!.errors).toEqual([expect.objectContaining({ path: 'fiscalYear', code: 'RANGE' })]);
  });
});

describe(findExistingProject.name, () => {
  const existing = [
    { id: 'a', code: 'P-1', name: '城乡居民医疗保险', sheetId: 's-a' },
    { id: 'b', code: null, name: '医疗救助', sheetId: 's-b' },
  ];

  it('matches by 项目编码 when the file gives one (names may differ), ignoring surrounding spaces', () => {
    expect(findExistingProject(existing, { code: ' P-1 ', name: '改了名字的项目' })?.id).toBe('a');
    expect(findExistingProject(existing, { code: 'P-2', name: '城乡居民医疗保险' })).toBeNull();
  });

  it('matches by name when the file has no code, whether the existing project has one or not', () => {
    expect(findExistingProject(existing, { code: null, name: '医疗救助' })?.id).toBe('b');
    expect(findExistingProject(existing, { code: null, name: ' 城乡居民医疗保险' })?.id).toBe('a');
    expect(findExistingProject(existing, { code: '', name: '医疗救助' })?.id).toBe('b');
    expect(findExistingProject(existing, { code: null, name: '新项目' })).toBeNull();
  });
});
