import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASETS_DIR } from '../../../../test/support/fixtures';
import { DATASET_FORMAT, Dataset, DatasetIndicator } from './dataset.types';
import { canonicalDataset, serializeDataset } from './serialize-dataset';
import { validateDataset } from './validate-dataset';
import * as barrel from './index';
import * as contracts from '../index';

// The five real 2024 datasets, carried in the repository (demo/datasets, copied from shared/fixtures).
const FIXTURES = DATASETS_DIR;
const FIXTURE_FILES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function validated(text: string): Dataset {
  const result = validateDataset(JSON.parse(text));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.dataset;
}

const indicator = (name: string): DatasetIndicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name,
  description: null,
  target: '≥95%',
  basis: null,
  remark: null,
});

function sample(): Dataset {
  return {
    format: DATASET_FORMAT,
    fiscalYear: 2024,
    source: 'x.txt',
    region: '汉阴县',
    department: { code: '962', name: '汉阴县医疗保障局' },
    units: [{ code: '962001', name: '本级' }],
    departmentSheet: {
      goals: ['目标一'],
      tasks: [{ name: '人员经费', content: null, amount: '1.00' }],
      budget: { total: '1.00', basic: null, project: '0.00' },
      indicators: [indicator('指标甲')],
    },
    projects: [
      {
        code: null,
        name: '项目',
        unitCode: '962001',
        category: '特定目标类',
        amount: { total: '10.00', fiscal: '10.00', other: null },
        purpose: null,
        goals: [],
        spendingPlan: [
          { month: 6, cumulativeAmount: '5.00' },
          { month: 12, cumulativeAmount: '10.00' },
        ],
        indicators: [indicator('指标乙'), indicator('指标丙')],
      },
    ],
  };
}

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

describe('serializeDataset', () => {
  it('finds all five fixture files', () => {
    expect(FIXTURE_FILES).toHaveLength(5);
  });

  it.each(FIXTURE_FILES)('reproduces %s byte for byte', (name) => {
    const text = read(name);
    expect(serializeDataset(validated(text))).toBe(text);
    expect(Buffer.from(serializeDataset(validated(text)), 'utf8').equals(fs.readFileSync(path.join(FIXTURES, name)))).toBe(true);
  });

  it.each(FIXTURE_FILES)('restores the canonical key order of %s when keys are shuffled', (name) => {
    const text = read(name);
    const shuffled = reverseKeys(JSON.parse(text));
    const result = validateDataset(shuffled);
    if (!result.ok) throw new Error('expected valid');
    expect(JSON.stringify(result.dataset)).not.toBe(JSON.stringify(JSON.parse(text)));
    expect(serializeDataset(result.dataset)).toBe(text);
  });

  it('writes keys in the format order, 2-space indented, with a final newline and unescaped Chinese', () => {
    const text = serializeDataset(sample());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).toContain('"region": "汉阴县"');
    expect(text).not.toMatch(/\\u[0-9a-f]{4}/i);
    expect(text.split('\n')[1]).toBe('  "format": "jixiao.dataset/v1",');
    const keyOrder = (obj: object) => Object.keys(obj);
    const parsed = JSON.parse(text) as Dataset;
    expect(keyOrder(parsed)).toEqual(['format', 'fiscalYear', 'source', 'region', 'department', 'units', 'departmentSheet', 'projects']);
    expect(keyOrder(parsed.departmentSheet ?? {})).toEqual(['goals', 'tasks', 'budget', 'indicators']);
    expect(keyOrder(parsed.departmentSheet?.tasks[0] ?? {})).toEqual(['name', 'content', 'amount']);
    expect(keyOrder(parsed.departmentSheet?.budget ?? {})).toEqual(['total', 'basic', 'project']);
    expect(keyOrder(parsed.projects[0])).toEqual(['code', 'name', 'unitCode', 'category', 'amount', 'purpose', 'goals', 'spendingPlan', 'indicators']);
    expect(keyOrder(parsed.projects[0].amount)).toEqual(['total', 'fiscal', 'other']);
    expect(keyOrder(parsed.projects[0].spendingPlan[0])).toEqual(['month', 'cumulativeAmount']);
    expect(keyOrder(parsed.projects[0].indicators[1])).toEqual(['level1', 'level2', 'name', 'description', 'target', 'basis', 'remark']);
    expect(parsed).toEqual(sample());
  });

  it('writes departmentSheet: null and empty lists', () => {
    const d: Dataset = { ...sample(), departmentSheet: null, units: [], projects: [] };
    expect(serializeDataset(d)).toBe(
      [
        '{',
        '  "format": "jixiao.dataset/v1",',
        '  "fiscalYear": 2024,',
        '  "source": "x.txt",',
        '  "region": "汉阴县",',
        '  "department": {',
        '    "code": "962",',
        '    "name": "汉阴县医疗保障局"',
        '  },',
        '  "units": [],',
        '  "departmentSheet": null,',
        '  "projects": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a unit without a code as "code": null, and reads it back as valid', () => {
    const d: Dataset = { ...sample(), units: [{ code: '962001', name: '本级' }, { code: null, name: '医疗保障事务中心' }] };
    const text = serializeDataset(d);
    expect(text).toContain('{\n      "code": null,\n      "name": "医疗保障事务中心"\n    }');
    expect(serializeDataset(validated(text))).toBe(text);
  });

  it('leaves out properties that are not part of the format, without touching its input', () => {
    const d = sample();
    const withExtras = { ...d, id: 'db-id', projects: d.projects.map((p) => ({ ...p, id: 7 })) };
    expect(serializeDataset(withExtras)).toBe(serializeDataset(d));
    expect(withExtras.projects[0].id).toBe(7);
    expect(canonicalDataset(withExtras)).toEqual(d);
  });

  it('keeps indicator order and text exactly (no trimming or normalising)', () => {
    const d = sample();
    d.projects[0].indicators = [indicator(' 乙 '), indicator('甲\t'), indicator('"引号"\\')];
    const back = JSON.parse(serializeDataset(d)) as Dataset;
    expect(back.projects[0].indicators.map((i) => i.name)).toEqual([' 乙 ', '甲\t', '"引号"\\']);
  });

  it('is exported from the dataset barrel and from the contracts index', () => {
    expect(barrel.serializeDataset).toBe(serializeDataset);
    expect(barrel.validateDataset).toBe(validateDataset);
    expect(contracts.serializeDataset).toBe(serializeDataset);
    expect(contracts.validateDataset).toBe(validateDataset);
    expect(contracts.DATASET_FORMAT).toBe(DATASET_FORMAT);
  });
});
