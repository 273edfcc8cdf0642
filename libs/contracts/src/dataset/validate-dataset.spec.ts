import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATASETS_DIR } from '../../../../test/support/fixtures';
import { DATASET_FORMAT, Dataset } from './dataset.types';
import { DATASET_TEXT_LIMITS, DatasetError, MAX_DATASET_ERRORS, validateDataset } from './validate-dataset';

// The five real 2024 datasets, carried in the repository (demo/datasets, copied from shared/fixtures).
const FIXTURES = DATASETS_DIR;
const FIXTURE_FILES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function load(name: string): JsonObject {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as JsonObject;
}

function obj(value: Json | undefined): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

function arr(value: Json | undefined): Json[] {
  if (!Array.isArray(value)) throw new Error('not an array');
  return value;
}

/** hanyin: a department sheet, 4 projects without spending plans. */
const hanyin = (): JsonObject => load('hanyin-2024.json');
/** wangdu: 6 projects, each with a 4-point spending plan (months 3, 6, 10, 12). */
const wangdu = (): JsonObject => load('wangdu-2024.json');

const project = (d: JsonObject, i: number): JsonObject => obj(arr(d.projects)[i]);
const indicator = (o: JsonObject, i: number): JsonObject => obj(arr(o.indicators)[i]);
const point = (p: JsonObject, i: number): JsonObject => obj(arr(p.spendingPlan)[i]);
const sheet = (d: JsonObject): JsonObject => obj(d.departmentSheet);

function errorsOf(input: unknown): DatasetError[] {
  const result = validateDataset(input);
  if (result.ok) throw new Error('expected the input to be invalid');
  return result.errors;
}

const pc = (errors: DatasetError[]) => errors.map((e) => ({ path: e.path, code: e.code }));

/** Exactly one error, with this path and code. */
function expectOne(input: unknown, errorPath: string, code: string): DatasetError {
  const errors = errorsOf(input);
  expect(pc(errors)).toEqual([{ path: errorPath, code }]);
  return errors[0];
}

describe('validateDataset — the fixtures', () => {
  it('finds all five fixture files', () => {
    expect(FIXTURE_FILES).toEqual(['hanyin-2024.json', 'shenmu-2024.json', 'shenqiu-2024.json', 'wangdu-2024.json', 'xuchang-2024.json']);
  });

  it.each(FIXTURE_FILES)('%s is valid and returned unchanged (same object)', (name) => {
    const input = load(name);
    const snapshot = JSON.stringify(input);
    const result = validateDataset(input);
    if (!result.ok) throw new Error(`${name}: ${result.errors.map((e) => e.message).join('\n')}`);
    expect(result.dataset).toBe(input);
    expect(JSON.stringify(result.dataset)).toBe(snapshot);
    expect(result.dataset.format).toBe(DATASET_FORMAT);
  });

  it('accepts a minimal dataset with nulls and empty lists wherever the format allows them', () => {
    const minimal: Dataset = {
      format: DATASET_FORMAT,
      fiscalYear: 2000,
      source: null,
      region: null,
      department: { code: null, name: '某部门' },
      units: [],
      departmentSheet: null,
      projects: [
        {
          code: null,
          name: '某项目',
          unitCode: null,
          category: null,
          amount: { total: '-0.50', fiscal: null, other: null },
          purpose: null,
          goals: [],
          spendingPlan: [],
          indicators: [{ level1: '产出指标', level2: null, name: '数量', description: null, target: '', basis: null, remark: null }],
        },
      ],
    };
    expect(validateDataset(minimal)).toEqual({ ok: true, dataset: minimal });
    expect(validateDataset({ ...minimal, fiscalYear: 2100 }).ok).toBe(true);
  });

  it('accepts a department sheet whose task amounts and budget fields are null', () => {
    const d = hanyin();
    obj(arr(sheet(d).tasks)[0]).amount = null;
    obj(arr(sheet(d).tasks)[1]).content = null;
    obj(sheet(d).budget).basic = null;
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe('validateDataset — the root', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'jixiao.dataset/v1'],
    ['a number', 42],
    ['undefined', undefined],
  ])('rejects %s as the whole file', (_label, input) => {
    const e = expectOne(input, '', 'TYPE');
    expect(e.message.startsWith('文件：')).toBe(true);
  });

  it('reports every field of an empty object as REQUIRED', () => {
    expect(pc(errorsOf({}))).toEqual(
      ['format', 'fiscalYear', 'source', 'region', 'department', 'units', 'departmentSheet', 'projects'].map((p) => ({ path: p, code: 'REQUIRED' })),
    );
  });

  it('rejects a wrong format string', () => {
    const d = hanyin();
    d.format = 'jixiao.dataset/v2';
    const e = expectOne(d, 'format', 'FORMAT');
    expect(e.message).toBe('format：文件格式须为 "jixiao.dataset/v1"（got "jixiao.dataset/v2"）/ format must be "jixiao.dataset/v1"');
  });

  it('rejects a format that is not a string', () => {
    const d = hanyin();
    d.format = 1;
    expectOne(d, 'format', 'FORMAT');
  });

  it('reports a missing field', () => {
    const d = hanyin();
    delete d.region;
    const e = expectOne(d, 'region', 'REQUIRED');
    expect(e.message).toContain('缺少字段 "region"');
    expect(e.message).toContain('missing field "region"');
  });

  it('reports an unknown root field', () => {
    const d = hanyin();
    d.comment = 'x';
    expectOne(d, 'comment', 'UNKNOWN_FIELD');
  });

  it.each([
    [1999, 'RANGE'],
    [2101, 'RANGE'],
    [2024.5, 'TYPE'],
    ['2024', 'TYPE'],
    [null, 'TYPE'],
  ])('rejects fiscalYear %p with %s', (value, code) => {
    const d = hanyin();
    d.fiscalYear = value;
    expectOne(d, 'fiscalYear', code);
  });

  it('rejects a number where a string is expected (source)', () => {
    const d = hanyin();
    d.source = 17;
    const e = expectOne(d, 'source', 'TYPE');
    expect(e.message).toBe('source：须为字符串或 null（got 17）/ expected a string or null, got number');
  });

  it('rejects null for department.name and an object for department.code', () => {
    const d = hanyin();
    obj(d.department).name = null;
    obj(d.department).code = { x: 1 };
    expect(pc(errorsOf(d))).toEqual([
      { path: 'department.code', code: 'TYPE' },
      { path: 'department.name', code: 'TYPE' },
    ]);
    expect(errorsOf(d)[1].message).toBe('department.name：不能为 null，须为字符串 / must not be null, expected a string');
  });

  it('rejects a department that is not an object, and units that is not an array', () => {
    const d = hanyin();
    d.department = '汉阴县医疗保障局';
    d.units = { code: '962001', name: 'x' };
    expect(pc(errorsOf(d))).toEqual([
      { path: 'department', code: 'TYPE' },
      { path: 'units', code: 'TYPE' },
    ]);
  });
});

describe('validateDataset — units and references', () => {
  it('rejects duplicate unit codes', () => {
    const d = hanyin();
    arr(d.units).push({ code: '962001', name: '重复的单位' });
    const e = expectOne(d, 'units[1].code', 'DUPLICATE');
    expect(e.message).toContain('units[0].code');
  });

  it('rejects an empty unit code and a unit with a typo', () => {
    const d = hanyin();
    arr(d.units).push({ code: '', nmae: 'x' });
    expect(pc(errorsOf(d))).toEqual([
      { path: 'units[1].name', code: 'REQUIRED' },
      { path: 'units[1].nmae', code: 'UNKNOWN_FIELD' },
      { path: 'units[1].code', code: 'EMPTY' },
    ]);
  });

  it('rejects a project unitCode that names no unit', () => {
    const d = hanyin();
    project(d, 2).unitCode = '450';
    const e = expectOne(d, 'projects[2].unitCode', 'REFERENCE');
    expect(e.message).toContain('"962001"');
    expect(e.message).toContain('got "450"');
  });

  it('allows a null unitCode', () => {
    const d = hanyin();
    project(d, 2).unitCode = null;
    expect(validateDataset(d).ok).toBe(true);
  });

  it('rejects any non-null unitCode when units is empty', () => {
    const d = hanyin();
    d.units = [];
    expect(pc(errorsOf(d))).toEqual([0, 1, 2, 3].map((i) => ({ path: `projects[${i}].unitCode`, code: 'REFERENCE' })));
  });

  it('does not guess at references when a unit code is unusable', () => {
    const d = hanyin();
    obj(arr(d.units)[0]).code = 962001;
    expectOne(d, 'units[0].code', 'TYPE');
  });

  it('rejects a project code used twice by one unit, and allows it across units', () => {
    const d = wangdu();
    project(d, 3).code = project(d, 1).code;
    const e = expectOne(d, 'projects[3].code', 'DUPLICATE');
    expect(e.message).toContain('projects[1].code');
    const x = load('xuchang-2024.json');
    const projects = arr(x.projects).map(obj);
    const other = projects.find((p) => p.unitCode !== projects[0]!.unitCode)!;
    other.code = projects[0]!.code;
    expect(validateDataset(x).ok).toBe(true);
  });

  it('accepts a unit whose code is null (matched by name within the department)', () => {
    const d = hanyin();
    arr(d.units).push({ code: null, name: '汉阴县医疗保障事务中心' });
    expect(validateDataset(d).ok).toBe(true);
    const onlyCodeless = hanyin();
    onlyCodeless.units = [{ code: null, name: '汉阴县医疗保障局本级' }];
    for (const p of arr(onlyCodeless.projects)) obj(p).unitCode = null;
    expect(validateDataset(onlyCodeless).ok).toBe(true);
  });

  it('keeps checking references to the units that have a code when another has none', () => {
    const d = hanyin();
    arr(d.units).unshift({ code: null, name: '无编码单位' });
    project(d, 1).unitCode = '450';
    const e = expectOne(d, 'projects[1].unitCode', 'REFERENCE');
    expect(e.message).toContain('"962001"');
  });

  it('rejects a unitCode that tries to name a code-less unit by its name', () => {
    const d = hanyin();
    arr(d.units).push({ code: null, name: '无编码单位' });
    project(d, 0).unitCode = '无编码单位';
    expectOne(d, 'projects[0].unitCode', 'REFERENCE');
  });

  it('rejects a blank unit code: a missing code is null, not ""', () => {
    const d = hanyin();
    arr(d.units).push({ code: '  ', name: '空白编码单位' });
    expectOne(d, 'units[1].code', 'EMPTY');
  });

  it('rejects two units of the same name, with or without codes (a name finds one unit)', () => {
    const d = hanyin();
    const first = obj(arr(d.units)[0]);
    arr(d.units).push({ code: null, name: first.name });
    const e = expectOne(d, 'units[1].name', 'DUPLICATE');
    expect(e.message).toContain('units[0].name');
    const twoCodeless = hanyin();
    twoCodeless.units = [{ code: null, name: '甲单位' }, { code: null, name: '甲单位' }];
    for (const p of arr(twoCodeless.projects)) obj(p).unitCode = null;
    expectOne(twoCodeless, 'units[1].name', 'DUPLICATE');
  });

  it('rejects a unit code of the wrong type even when null is allowed', () => {
    const d = hanyin();
    arr(d.units).push({ code: 12, name: '数字编码单位' });
    expectOne(d, 'units[1].code', 'TYPE');
  });

  it('rejects a unit that is not an object', () => {
    const d = hanyin();
    arr(d.units).push('962002');
    expectOne(d, 'units[1]', 'TYPE');
  });
});

describe('validateDataset — money', () => {
  it('rejects "41.5" (one decimal) with the path and a bilingual message', () => {
    const d = hanyin();
    obj(project(d, 3).amount).total = '41.5';
    const e = expectOne(d, 'projects[3].amount.total', 'MONEY');
    expect(e.message).toBe(
      'projects[3].amount.total：金额须为两位小数的元金额字符串，如 "410000.00"（got "41.5"）/ amount must be a decimal string in yuan with exactly two decimal places',
    );
  });

  it('rejects a number as an amount with MONEY', () => {
    const d = hanyin();
    obj(project(d, 3).amount).total = 41.5;
    const e = expectOne(d, 'projects[3].amount.total', 'MONEY');
    expect(e.message).toContain('（got 41.5）');
  });

  it.each(['410000', '410000.0', '410000.000', '4.1e5', '+1.00', ' 1.00', '1,000.00', '１.00', '', '.50', '12345678901234567.00', 'NaN'])(
    'rejects the amount %p',
    (value) => {
      const d = hanyin();
      obj(project(d, 0).amount).fiscal = value;
      expectOne(d, 'projects[0].amount.fiscal', 'MONEY');
    },
  );

  it.each(['0.00', '-12.50', '999999999999.99', '-999999999999.99'])('accepts the amount %p', (value) => {
    const d = hanyin();
    obj(project(d, 0).amount).other = value;
    expect(validateDataset(d).ok).toBe(true);
  });

  it('rejects null for amount.total but allows it for fiscal and other', () => {
    const d = hanyin();
    obj(project(d, 1).amount).total = null;
    obj(project(d, 1).amount).fiscal = null;
    obj(project(d, 1).amount).other = null;
    expectOne(d, 'projects[1].amount.total', 'TYPE');
  });

  it('checks department-sheet task amounts and budget', () => {
    const d = hanyin();
    obj(arr(sheet(d).tasks)[2]).amount = '16541400';
    obj(sheet(d).budget).project = 16541400;
    expect(pc(errorsOf(d))).toEqual([
      { path: 'departmentSheet.tasks[2].amount', code: 'MONEY' },
      { path: 'departmentSheet.budget.project', code: 'MONEY' },
    ]);
  });
});

describe('validateDataset — spending plans', () => {
  it('rejects month 13', () => {
    const d = wangdu();
    point(project(d, 0), 3).month = 13;
    const e = expectOne(d, 'projects[0].spendingPlan[3].month', 'RANGE');
    expect(e.message).toContain('（got 13）');
  });

  it('rejects month 0 and a fractional month', () => {
    const d = wangdu();
    point(project(d, 1), 0).month = 0;
    point(project(d, 2), 1).month = 6.5;
    expect(pc(errorsOf(d))).toEqual([
      { path: 'projects[1].spendingPlan[0].month', code: 'RANGE' },
      { path: 'projects[2].spendingPlan[1].month', code: 'TYPE' },
    ]);
  });

  it('rejects a month given as a string', () => {
    const d = wangdu();
    point(project(d, 0), 0).month = '3';
    expectOne(d, 'projects[0].spendingPlan[0].month', 'TYPE');
  });

  it('rejects decreasing months', () => {
    const d = wangdu();
    point(project(d, 4), 2).month = 5; // 3, 6, 5, 12
    const e = expectOne(d, 'projects[4].spendingPlan[2].month', 'ORDER');
    expect(e.message).toContain('projects[4].spendingPlan[1]');
  });

  it('rejects a repeated month', () => {
    const d = wangdu();
    point(project(d, 4), 3).month = 10; // 3, 6, 10, 10
    expectOne(d, 'projects[4].spendingPlan[3].month', 'ORDER');
  });

  it('rejects a cumulative amount that is not money, and a typo in a point', () => {
    const d = wangdu();
    const p = point(project(d, 5), 1);
    p.cumulativeAmount = '0.5';
    p.monthh = 6;
    expect(pc(errorsOf(d))).toEqual([
      { path: 'projects[5].spendingPlan[1].monthh', code: 'UNKNOWN_FIELD' },
      { path: 'projects[5].spendingPlan[1].cumulativeAmount', code: 'MONEY' },
    ]);
  });

  it('rejects a spending plan that is not an array', () => {
    const d = wangdu();
    project(d, 0).spendingPlan = null;
    expectOne(d, 'projects[0].spendingPlan', 'TYPE');
  });
});

describe('validateDataset — indicators and deep paths', () => {
  it('reports the typo "indicatros" with its path and a suggestion', () => {
    const d = hanyin();
    const p = project(d, 1);
    p.indicatros = p.indicators;
    delete p.indicators;
    const errors = errorsOf(d);
    expect(pc(errors)).toEqual([
      { path: 'projects[1].indicators', code: 'REQUIRED' },
      { path: 'projects[1].indicatros', code: 'UNKNOWN_FIELD' },
    ]);
    expect(errors[1].message).toContain('是否应为 "indicators"');
    expect(errors[1].message).toContain('did you mean "indicators"?');
  });

  it('reports an unknown indicator field without a far-fetched suggestion', () => {
    const d = hanyin();
    indicator(project(d, 0), 4).weight = 10;
    const e = expectOne(d, 'projects[0].indicators[4].weight', 'UNKNOWN_FIELD');
    expect(e.message).not.toContain('did you mean');
  });

  it('rejects an empty level1 at projects[1].indicators[0].level1', () => {
    const d = hanyin();
    indicator(project(d, 1), 0).level1 = '';
    expectOne(d, 'projects[1].indicators[0].level1', 'EMPTY');
  });

  it('rejects a blank indicator name', () => {
    const d = hanyin();
    indicator(sheet(d), 2).name = '  ';
    expectOne(d, 'departmentSheet.indicators[2].name', 'EMPTY');
  });

  it('rejects a number as level1 (TYPE)', () => {
    const d = hanyin();
    indicator(project(d, 1), 0).level1 = 1;
    expectOne(d, 'projects[1].indicators[0].level1', 'TYPE');
  });

  it('allows an empty target (a review finding, not a format error) but not a null one', () => {
    const d = hanyin();
    indicator(project(d, 2), 3).target = '';
    expect(validateDataset(d).ok).toBe(true);
    indicator(project(d, 2), 3).target = null;
    expectOne(d, 'projects[2].indicators[3].target', 'TYPE');
  });

  it('rejects a numeric target', () => {
    const d = hanyin();
    indicator(project(d, 0), 1).target = 100;
    expectOne(d, 'projects[0].indicators[1].target', 'TYPE');
  });

  it('reports each missing indicator field', () => {
    const d = hanyin();
    arr(project(d, 3).indicators).push({ level1: '产出指标', name: 'x', target: '1' });
    expect(pc(errorsOf(d))).toEqual(
      ['level2', 'description', 'basis', 'remark'].map((f) => ({ path: `projects[3].indicators[6].${f}`, code: 'REQUIRED' })),
    );
  });

  it('rejects an indicator that is not an object', () => {
    const d = hanyin();
    arr(project(d, 0).indicators)[2] = null;
    expectOne(d, 'projects[0].indicators[2]', 'TYPE');
  });

  it('rejects non-string goals', () => {
    const d = hanyin();
    arr(sheet(d).goals)[1] = 2;
    arr(project(d, 0).goals).push(null);
    const goalCount = arr(project(d, 0).goals).length;
    expect(pc(errorsOf(d))).toEqual([
      { path: 'departmentSheet.goals[1]', code: 'TYPE' },
      { path: `projects[0].goals[${goalCount - 1}]`, code: 'TYPE' },
    ]);
  });

  it('rejects an empty project name and a project name given as a number', () => {
    const d = hanyin();
    project(d, 0).name = '';
    project(d, 1).name = 5;
    expect(pc(errorsOf(d))).toEqual([
      { path: 'projects[0].name', code: 'EMPTY' },
      { path: 'projects[1].name', code: 'TYPE' },
    ]);
  });

  it('checks the department sheet fields and allows departmentSheet: null', () => {
    const d = hanyin();
    d.departmentSheet = null;
    expect(validateDataset(d).ok).toBe(true);
    d.departmentSheet = [];
    expectOne(d, 'departmentSheet', 'TYPE');
    d.departmentSheet = { goals: [], tasks: [], budget: null, indicators: [], extra: 1 };
    expect(pc(errorsOf(d))).toEqual([
      { path: 'departmentSheet.extra', code: 'UNKNOWN_FIELD' },
      { path: 'departmentSheet.budget', code: 'TYPE' },
    ]);
  });

  it('rejects a project that is not an object and projects that is not an array', () => {
    const d = hanyin();
    arr(d.projects)[1] = 'x';
    expectOne(d, 'projects[1]', 'TYPE');
    d.projects = {};
    expectOne(d, 'projects', 'TYPE');
  });
});

describe('validateDataset — collecting errors', () => {
  it('collects errors from all over the file, in file order', () => {
    const d = wangdu();
    d.format = 'jixiao.dataset';
    d.fiscalYear = 1999;
    obj(d.department).nmae = obj(d.department).name;
    delete obj(d.department).name;
    project(d, 0).unitCode = 'nope';
    obj(project(d, 1).amount).total = '41.5';
    point(project(d, 2), 1).month = 13;
    point(project(d, 3), 2).month = 4;
    indicator(project(d, 4), 0).level1 = null;
    indicator(project(d, 5), 6).indicatros = [];
    expect(pc(errorsOf(d))).toEqual([
      { path: 'format', code: 'FORMAT' },
      { path: 'fiscalYear', code: 'RANGE' },
      { path: 'department.name', code: 'REQUIRED' },
      { path: 'department.nmae', code: 'UNKNOWN_FIELD' },
      { path: 'projects[0].unitCode', code: 'REFERENCE' },
      { path: 'projects[1].amount.total', code: 'MONEY' },
      { path: 'projects[2].spendingPlan[1].month', code: 'RANGE' },
      { path: 'projects[3].spendingPlan[2].month', code: 'ORDER' },
      { path: 'projects[4].indicators[0].level1', code: 'TYPE' },
      { path: 'projects[5].indicators[6].indicatros', code: 'UNKNOWN_FIELD' },
    ]);
  });

  it('stops at the cap and says so', () => {
    const d = hanyin();
    for (const p of arr(d.projects)) for (const ind of arr(obj(p).indicators)) obj(ind).target = 0; // 27 errors
    const all = errorsOf(d);
    expect(all).toHaveLength(27);
    expect(all.every((e) => e.code === 'TYPE')).toBe(true);

    const capped = validateDataset(d, { maxErrors: 5 });
    if (capped.ok) throw new Error('expected errors');
    expect(capped.errors).toHaveLength(6);
    expect(capped.errors.slice(0, 5).map((e) => e.code)).toEqual(['TYPE', 'TYPE', 'TYPE', 'TYPE', 'TYPE']);
    expect(capped.errors[5]).toMatchObject({ path: '', code: 'TOO_MANY_ERRORS' });
  });

  it(`caps at ${MAX_DATASET_ERRORS} by default`, () => {
    const d = hanyin();
    d.units = Array.from({ length: 300 }, () => ({ code: 'u', name: 'n' }));
    const errors = errorsOf(d);
    expect(errors).toHaveLength(MAX_DATASET_ERRORS + 1);
    expect(errors[0]).toMatchObject({ path: 'units[1].code', code: 'DUPLICATE' });
    expect(errors[MAX_DATASET_ERRORS]).toMatchObject({ path: '', code: 'TOO_MANY_ERRORS' });
  });

  it('every message names its path, then Chinese, then English', () => {
    const d = wangdu();
    d.source = 1;
    point(project(d, 0), 0).cumulativeAmount = 1;
    for (const e of errorsOf(d)) {
      expect(e.message.startsWith(`${e.path}：`)).toBe(true);
      expect(e.message).toMatch(/[\u4e00-\u9fff].*\/ [A-Za-z]/);
    }
  });

  it('does not modify its input', () => {
    const d = wangdu();
    obj(project(d, 0).amount).total = 41.5;
    const before = JSON.stringify(d);
    errorsOf(d);
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe('validateDataset — text lengths (the columns and the editor’s limits)', () => {
  /** A new code for units[0], and for the projects that name it. */
  const renameUnit = (d: JsonObject, code: string): void => {
    const unit = obj(arr(d.units)[0]);
    for (const p of arr(d.projects)) if (obj(p).unitCode === unit.code) obj(p).unitCode = code;
    unit.code = code;
  };
  const long = (n: number) => '字'.repeat(n);
  const cases: [string, (d: JsonObject, text: string) => void, string, number][] = [
    ['department.code', (d, s) => void (obj(d.department).code = s), 'department.code', DATASET_TEXT_LIMITS.departmentCode],
    ['department.name', (d, s) => void (obj(d.department).name = s), 'department.name', DATASET_TEXT_LIMITS.departmentName],
    ['region', (d, s) => void (d.region = s), 'region', DATASET_TEXT_LIMITS.region],
    ['source', (d, s) => void (d.source = s), 'source', DATASET_TEXT_LIMITS.source],
    ['a unit’s code', (d, s) => renameUnit(d, s), 'units[0].code', DATASET_TEXT_LIMITS.unitCode],
    ['a unit’s name', (d, s) => void (obj(arr(d.units)[0]).name = s), 'units[0].name', DATASET_TEXT_LIMITS.unitName],
    ['a project’s code', (d, s) => void (project(d, 2).code = s), 'projects[2].code', DATASET_TEXT_LIMITS.projectCode],
    ['a project’s name', (d, s) => void (project(d, 2).name = s), 'projects[2].name', DATASET_TEXT_LIMITS.projectName],
    ['a project’s category', (d, s) => void (project(d, 2).category = s), 'projects[2].category', DATASET_TEXT_LIMITS.projectCategory],
    ['a project’s purpose', (d, s) => void (project(d, 2).purpose = s), 'projects[2].purpose', DATASET_TEXT_LIMITS.projectPurpose],
    ['a project’s goal', (d, s) => void (arr(project(d, 1).goals)[0] = s), 'projects[1].goals[0]', DATASET_TEXT_LIMITS.goal],
    ['an indicator’s level1', (d, s) => void (indicator(project(d, 2), 5).level1 = s), 'projects[2].indicators[5].level1', DATASET_TEXT_LIMITS.level1],
    ['an indicator’s level2', (d, s) => void (indicator(project(d, 2), 5).level2 = s), 'projects[2].indicators[5].level2', DATASET_TEXT_LIMITS.level2],
    ['an indicator’s name', (d, s) => void (indicator(project(d, 2), 5).name = s), 'projects[2].indicators[5].name', DATASET_TEXT_LIMITS.indicatorName],
    ['an indicator’s target', (d, s) => void (indicator(project(d, 2), 5).target = s), 'projects[2].indicators[5].target', DATASET_TEXT_LIMITS.target],
    ['an indicator’s description', (d, s) => void (indicator(project(d, 2), 5).description = s), 'projects[2].indicators[5].description', DATASET_TEXT_LIMITS.description],
    ['an indicator’s basis', (d, s) => void (indicator(project(d, 2), 5).basis = s), 'projects[2].indicators[5].basis', DATASET_TEXT_LIMITS.basis],
    ['an indicator’s remark', (d, s) => void (indicator(project(d, 2), 5).remark = s), 'projects[2].indicators[5].remark', DATASET_TEXT_LIMITS.remark],
    ['a department goal', (d, s) => void (arr(sheet(d).goals)[0] = s), 'departmentSheet.goals[0]', DATASET_TEXT_LIMITS.goal],
    ['a task’s name', (d, s) => void (obj(arr(sheet(d).tasks)[0]).name = s), 'departmentSheet.tasks[0].name', DATASET_TEXT_LIMITS.taskName],
    ['a task’s content', (d, s) => void (obj(arr(sheet(d).tasks)[0]).content = s), 'departmentSheet.tasks[0].content', DATASET_TEXT_LIMITS.taskContent],
    ['a department indicator’s name', (d, s) => void (indicator(sheet(d), 0).name = s), 'departmentSheet.indicators[0].name', DATASET_TEXT_LIMITS.indicatorName],
  ];

  it.each(cases)('accepts %s at its limit and refuses one character more, naming the path and the limit', (_label, set, errorPath, limit) => {
    const atLimit = hanyin();
    set(atLimit, long(limit));
    expect(validateDataset(atLimit).ok).toBe(true);
    const over = hanyin();
    set(over, long(limit + 1));
    const e = expectOne(over, errorPath, 'TOO_LONG');
    expect(e.message).toBe(`${errorPath}：最多 ${limit} 个字，此处 ${limit + 1} 个字 / at most ${limit} characters, got ${limit + 1}`);
  });

  it('counts characters as the database does: a character outside the BMP is one', () => {
    const d = hanyin();
    indicator(project(d, 2), 5).level1 = '𠀀'.repeat(DATASET_TEXT_LIMITS.level1); // 2 UTF-16 units each
    expect(validateDataset(d).ok).toBe(true);
  });

  it('keeps the varchar limits equal to the columns', () => {
    expect(DATASET_TEXT_LIMITS).toMatchObject({ departmentCode: 64, departmentName: 200, region: 100, projectCode: 64, projectName: 300, projectCategory: 100, level1: 100, level2: 100 });
  });
});

describe('validateDataset — amounts within the largest accepted (MAX_MONEY)', () => {
  it('accepts the maximum and refuses a cent more, naming the path and the limit', () => {
    const atLimit = hanyin();
    obj(project(atLimit, 0).amount).total = '999999999999.99';
    obj(project(atLimit, 0).amount).fiscal = null;
    obj(project(atLimit, 0).amount).other = null;
    expect(validateDataset(atLimit).ok).toBe(true);
    const over = hanyin();
    obj(project(over, 0).amount).other = '-1000000000000.00';
    const e = expectOne(over, 'projects[0].amount.other', 'RANGE');
    expect(e.message).toContain('金额不能超过 999999999999.99 元（不足 1 万亿元）');
    const budget = hanyin();
    obj(sheet(budget).budget).total = '9999999999999999.99';
    expectOne(budget, 'departmentSheet.budget.total', 'RANGE');
  });
});
