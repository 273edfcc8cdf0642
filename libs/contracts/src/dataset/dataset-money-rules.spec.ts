import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASETS_DIR } from '../../../../test/support/fixtures';
import { checkDatasetMoneyRules } from './dataset-money-rules';
import type { Dataset } from './dataset.types';
import { validateDataset } from './validate-dataset';

const load = (name: string): Dataset => {
  const result = validateDataset(JSON.parse(fs.readFileSync(path.join(DATASETS_DIR, name), 'utf8')));
  if (!result.ok) throw new Error(`${name} is not a valid dataset`);
  return result.dataset;
};
const hanyin = () => load('hanyin-2024.json');

describe('checkDatasetMoneyRules', () => {
  it.each(fs.readdirSync(DATASETS_DIR).filter((f) => f.endsWith('.json')))('finds nothing in %s', (name) => {
    expect(checkDatasetMoneyRules(load(name))).toEqual([]);
  });

  it('refuses a negative amount anywhere, naming its path', () => {
    const d = hanyin();
    d.projects[1]!.amount = { total: '-10.00', fiscal: '-10.00', other: '0.00' };
    d.departmentSheet!.tasks[0]!.amount = '-1.00';
    expect(checkDatasetMoneyRules(d).map((e) => [e.path, e.code])).toEqual([
      ['departmentSheet.tasks[0].amount', 'NEGATIVE'],
      ['projects[1].amount.total', 'NEGATIVE'],
      ['projects[1].amount.fiscal', 'NEGATIVE'],
    ]);
    expect(checkDatasetMoneyRules(d)[1]!.message).toBe('projects[1].amount.total：金额不能为负数（got "-10.00"）/ amount must not be negative');
  });

  it('refuses a negative cumulative plan point', () => {
    const d = load('wangdu-2024.json');
    d.projects[0]!.spendingPlan[0]!.cumulativeAmount = '-5.00';
    expect(checkDatasetMoneyRules(d).map((e) => [e.path, e.code])).toEqual([['projects[0].spendingPlan[0].cumulativeAmount', 'NEGATIVE']]);
  });

  it('refuses a project whose funds do not add up to its total, as the editor does', () => {
    const d = hanyin();
    d.projects[2]!.amount = { total: '100.00', fiscal: '60.00', other: '30.00' };
    const [e] = checkDatasetMoneyRules(d);
    expect(e).toEqual({ path: 'projects[2].amount', code: 'PARTS', message: 'projects[2].amount：财政资金 60.00 与其他资金 30.00 之和不等于资金总额 100.00 / fiscal + other must equal total' });
  });

  it('refuses a department budget whose basic + project is not its total', () => {
    const d = hanyin();
    d.departmentSheet!.budget = { total: '100.00', basic: '50.00', project: '40.00' };
    expect(checkDatasetMoneyRules(d).map((e) => [e.path, e.code])).toEqual([['departmentSheet.budget', 'PARTS']]);
  });

  it('keeps the rounding of a 万元 table (whole hundreds of 元, at most 100 元 apart), and nothing more', () => {
    const d = hanyin();
    d.departmentSheet!.budget = { total: '1844836300.00', basic: '8723100.00', project: '1836113300.00' }; // 许昌 2024 as published
    expect(checkDatasetMoneyRules(d)).toEqual([]);
    d.departmentSheet!.budget = { total: '1844836200.00', basic: '8723100.00', project: '1836113300.00' }; // 200 元 apart
    expect(checkDatasetMoneyRules(d).map((e) => e.code)).toEqual(['PARTS']);
    d.departmentSheet!.budget = { total: '1844836350.00', basic: '8723100.00', project: '1836113300.00' }; // not a 万元 figure
    expect(checkDatasetMoneyRules(d).map((e) => e.code)).toEqual(['PARTS']);
  });

  it('accepts missing parts (null) as the editor does', () => {
    const d = hanyin();
    d.projects[2]!.amount = { total: '100.00', fiscal: '60.00', other: null };
    d.departmentSheet!.budget = { total: '100.00', basic: null, project: '40.00' };
    expect(checkDatasetMoneyRules(d)).toEqual([]);
  });
});
