// readDisclosureText on the five published documents of shared/seeds (copied to __fixtures__, see its
// README), compared with their datasets in demo/datasets (= shared/fixtures).
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Dataset, DatasetIndicator, DatasetProject } from '../../dataset.types';
import { readDisclosureText } from './read-disclosure-text';

const root = join(__dirname, '../../../../../..');
const seed = (bureau: string): string => readFileSync(join(__dirname, '__fixtures__', `${bureau}-2024.txt`), 'utf8');
const fixture = (bureau: string): Dataset => JSON.parse(readFileSync(join(root, 'demo/datasets', `${bureau}-2024.json`), 'utf8')) as Dataset;

/** Where a fixture disagrees with its seed (the seed is read as written). */
const SEED_NAMES: Record<string, string> = {
  // shenmu: the seed's table says 项目名称 医保经办服务工作经费
  '2024 年医保经办服务工作经费': '医保经办服务工作经费',
  // shenqiu: the seed's 汇总表 says 健全重特大疾病 (the fixture took 预算10表's 重病特大疾病)
  '2024年专项经费-健全重病特大疾病、因病返贫监测工作经费': '2024年专项经费-健全重特大疾病、因病返贫监测工作经费',
};
/** Indicators the seed has and its fixture has not: `bureau/project code` → names. */
const SEED_ONLY_INDICATORS: Record<string, string[]> = {
  // shenqiu 资助参保: the seed's last line (拨付及时性 | 及时) is a 7th indicator the fixture left out
  'shenqiu/41162424000000004418': ['拨付及时性'],
};
/** Fixture indicators the seed places elsewhere: `bureau/project code#index`. */
const SEED_INDICATOR_DIFFERENCES = new Set([
  // xuchang 46031: 当年各级财政补助资金到位率 stands in the seed's 满意度指标 column; the fixture put it under 产出指标
  'xuchang/411000240000000046031#11',
  'xuchang/411000240000000046031#12',
  'xuchang/411000240000000046031#13',
  'xuchang/411000240000000046031#14',
  'xuchang/411000240000000046031#15',
  'xuchang/411000240000000046031#16',
]);

// 望都 (wangdu) separates its columns by single spaces and wraps cells among the other columns; its
// department-wide targets are prose (五、部门整体绩效目标), its budget in the 支出总表.
const TABLE_BUREAUS = ['hanyin', 'shenmu', 'shenqiu', 'xuchang', 'wangdu'];

function matchProject(read: DatasetProject[], expected: DatasetProject): DatasetProject | undefined {
  if (expected.code !== null) {
    const byCode = read.find((project) => project.code === expected.code);
    if (byCode) return byCode;
  }
  const name = SEED_NAMES[expected.name] ?? expected.name;
  return read.find((project) => project.name === name);
}

const essentials = (indicator: DatasetIndicator | undefined): unknown =>
  indicator && { level1: indicator.level1, level2: indicator.level2, name: indicator.name, target: indicator.target };

describe('readDisclosureText on the published seeds', () => {
  const matched = { all: 0, exact: 0 };

  afterAll(() => {
    // 477 indicators in the five seeds' fixtures (435 of four + 42 of wangdu); 471 equal (the other 6 are
    // the xuchang block above, where the seed itself disagrees with its fixture)
    expect(matched).toEqual({ all: 477, exact: 471 });
  });

  describe.each(TABLE_BUREAUS)('%s', (bureau) => {
    const expected = fixture(bureau);
    const reading = readDisclosureText(seed(bureau));
    const dataset = reading.datasets[0]?.dataset;

    it('gives one dataset for the 主管部门 and the year', () => {
      expect(reading.datasets).toHaveLength(1);
      expect(dataset.department.name).toBe(expected.department.name);
      expect(dataset.fiscalYear).toBe(2024);
      expect(dataset.region).toBe(expected.region);
      expect(reading.datasets[0].origins).toHaveLength(1 + dataset.projects.length);
    });

    it('recovers the department-wide sheet and every project sheet with the fixture’s indicator counts', () => {
      expect(dataset.departmentSheet?.indicators.length).toBe(expected.departmentSheet?.indicators.length);
      expect(dataset.projects).toHaveLength(expected.projects.length);
      for (const project of expected.projects) {
        const read = matchProject(dataset.projects, project);
        expect(read).toBeDefined();
        const extra = SEED_ONLY_INDICATORS[`${bureau}/${project.code}`]?.length ?? 0;
        expect(read?.indicators.length).toBe(project.indicators.length + extra);
      }
    });

    it('reads 一级/二级/三级指标 and 指标值 as the fixture has them, in the source’s order', () => {
      const sheets: [string, DatasetIndicator[], DatasetIndicator[]][] = [['department', dataset.departmentSheet?.indicators ?? [], expected.departmentSheet?.indicators ?? []]];
      for (const project of expected.projects) {
        const seedOnly = SEED_ONLY_INDICATORS[`${bureau}/${project.code}`] ?? [];
        const read = (matchProject(dataset.projects, project)?.indicators ?? []).filter((indicator) => !seedOnly.includes(indicator.name));
        sheets.push([project.code ?? project.name, read, project.indicators]);
      }
      for (const [key, read, wanted] of sheets) {
        wanted.forEach((indicator, index) => {
          matched.all += 1;
          if (SEED_INDICATOR_DIFFERENCES.has(`${bureau}/${key}#${index}`)) return;
          expect({ key, index, ...(essentials(read[index]) as object) }).toEqual({ key, index, ...(essentials(indicator) as object) });
          matched.exact += 1;
        });
      }
    });

    it('reads the amounts (万元 → 元) and the goals the seed has', () => {
      for (const project of expected.projects) {
        const read = matchProject(dataset.projects, project) as DatasetProject;
        expect(read.amount).toEqual(project.amount);
        expect(read.goals).toEqual(project.goals);
      }
      const sheet = dataset.departmentSheet;
      const wanted = expected.departmentSheet;
      if (bureau === 'shenmu') {
        // the seed's 部门整体支出绩效目标表 has no 金额合计 and longer goals 3 and 6 than the fixture
        expect(sheet?.budget).toEqual({ total: null, basic: null, project: null });
        expect(sheet?.goals).toHaveLength(9);
        expect(sheet?.goals.filter((_, i) => i !== 2 && i !== 5)).toEqual(wanted?.goals.filter((_, i) => i !== 2 && i !== 5));
        expect(sheet?.tasks.slice(0, 2)).toEqual(wanted?.tasks.slice(0, 2));
      } else {
        expect(sheet?.budget).toEqual(wanted?.budget);
        expect(sheet?.goals).toEqual(wanted?.goals);
        expect(sheet?.tasks).toEqual(wanted?.tasks);
      }
    });

    it('keeps codes where the text has them, null and no units where it has none', () => {
      if (bureau === 'hanyin' || bureau === 'shenmu') {
        expect(dataset.department.code).toBeNull();
        expect(dataset.units).toEqual([]);
        expect(dataset.projects.every((project) => project.code === null && project.unitCode === null)).toBe(true);
      } else if (bureau === 'wangdu') {
        // the code of the tables' heading (`450 望都县医疗保障局`) and each project's 项目编码; the seed's 单位构成
        // names 望都县医疗保障局本级 without a code (the fixture gave it the department's), so no units are read
        expect(dataset.department.code).toBe(expected.department.code);
        expect(dataset.units).toEqual([]);
        expect(dataset.projects.map((project) => project.code)).toEqual(expected.projects.map((project) => project.code));
      } else {
        expect(dataset.department.code).toBe(expected.department.code);
        expect(dataset.units).toEqual(expected.units);
        for (const project of expected.projects) expect(matchProject(dataset.projects, project)?.unitCode).toBe(project.unitCode);
      }
    });
  });
});

describe('readDisclosureText on garbage', () => {
  it.each([
    ['empty text', '', 'EMPTY_TEXT'],
    ['blank lines', '\n  \n\t\n', 'EMPTY_TEXT'],
    ['prose without a table', '2024年部门预算公开说明\n本部门主要职责是贯彻执行医疗保障政策。\n', 'NO_TABLE_FOUND'],
    ['an indicator header without rows', '2024年项目绩效目标表\n项目名称\t医保经费\n主管部门\t某县医疗保障局\n一级指标\t二级指标\t指标内容\t指标值\n', 'NO_INDICATORS'],
    ['a header block of a template', '2024年\n项目名称\t\t\t\n主管部门\t\t\t\n绩效指标\t一级指标\t二级指标\t指标内容\t指标值\n\t产出指标\t数量指标\t指标1：\t\n', 'TABLE_EMPTY'],
  ])('%s → no dataset and a problem saying why', (_, text, code) => {
    const reading = readDisclosureText(text);
    expect(reading.datasets).toEqual([]);
    expect(reading.problems.map((problem) => problem.code)).toContain(code);
    expect(reading.problems.every((problem) => /[\u4e00-\u9fff]/.test(problem.message))).toBe(true);
  });

  it('says what it did not read of a seed: 望都’s 政府采购预算 table has a 项目名称 column but is no project', () => {
    const reading = readDisclosureText(seed('wangdu'));
    expect(reading.problems.map((problem) => [problem.code, problem.row])).toEqual([['TABLE_WITHOUT_INDICATORS', 1483]]);
  });
});
