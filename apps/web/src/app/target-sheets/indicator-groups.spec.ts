import { groupRows, groupSpans, insertInGroup, level1Choices, level2Choices, moveToGroup } from './indicator-groups';

interface Row {
  name: string;
  level1: string;
  level2: string;
}

const row = (name: string, level1: string, level2: string): Row => ({ name, level1, level2 });
const names = (rows: readonly Row[]) => rows.map((r) => r.name);
const layout = (rows: readonly Row[]) => rows.map((r) => `${r.level1}/${r.level2}/${r.name}`);

/** Part of 汉阴县 部门整体绩效目标, as the editor shows it. */
const HANYIN: Row[] = [
  row('发放人数', '产出指标', '数量指标'),
  row('补助人数', '产出指标', '数量指标'),
  row('经费发放', '产出指标', '质量指标'),
  row('预算控制数', '产出指标', '成本指标'),
  row('知晓率', '效益指标', '社会效益指标'),
  row('满意度', '满意度指标', '服务对象满意度指标'),
];

describe(groupRows.name, () => {
  it('brings the rows of each 一级 and 二级 group together, groups in order of first appearance', () => {
    const mixed = [
      row('a', '产出指标', '数量指标'),
      row('b', '效益指标', '社会效益指标'),
      row('c', '产出指标', '质量指标'),
      row('d', '产出指标', '数量指标'),
      row('e', '效益指标', ''),
      row('f', '效益指标', '社会效益指标'),
    ];
    expect(layout(groupRows(mixed))).toEqual([
      '产出指标/数量指标/a',
      '产出指标/数量指标/d',
      '产出指标/质量指标/c',
      '效益指标/社会效益指标/b',
      '效益指标/社会效益指标/f',
      '效益指标//e',
    ]);
  });

  it('leaves grouped rows as they are', () => {
    expect(groupRows(HANYIN)).toEqual(HANYIN);
  });
});

describe(groupSpans.name, () => {
  it('merges the 一级 cell over its group and the 二级 cell over its subgroup', () => {
    expect(groupSpans(HANYIN)).toEqual([
      { level1Span: 4, level2Span: 2 },
      { level1Span: 0, level2Span: 0 },
      { level1Span: 0, level2Span: 1 },
      { level1Span: 0, level2Span: 1 },
      { level1Span: 1, level2Span: 1 },
      { level1Span: 1, level2Span: 1 },
    ]);
  });

  it('does not merge the same 二级 name across two 一级 groups', () => {
    const rows = [row('a', '产出指标', '成本指标'), row('b', '成本指标', '成本指标')];
    expect(groupSpans(rows)).toEqual([
      { level1Span: 1, level2Span: 1 },
      { level1Span: 1, level2Span: 1 },
    ]);
  });

  it('is empty for no rows', () => {
    expect(groupSpans([])).toEqual([]);
  });
});

describe(insertInGroup.name, () => {
  it('adds a row at the end of its own group (在此组新增)', () => {
    expect(names(insertInGroup(HANYIN, row('新', '产出指标', '数量指标')))).toEqual(['发放人数', '补助人数', '新', '经费发放', '预算控制数', '知晓率', '满意度']);
  });

  it('opens a new 二级 group at the end of its 一级 group', () => {
    expect(names(insertInGroup(HANYIN, row('新', '产出指标', '时效指标')))).toEqual(['发放人数', '补助人数', '经费发放', '预算控制数', '新', '知晓率', '满意度']);
  });

  it('opens a new 一级 group at the end of the table, also in an empty sheet', () => {
    expect(names(insertInGroup(HANYIN, row('新', '成本指标', '经济成本指标'))).at(-1)).toBe('新');
    expect(insertInGroup([], row('新', '产出指标', '数量指标'))).toEqual([row('新', '产出指标', '数量指标')]);
  });
});

describe(moveToGroup.name, () => {
  it('moves one row to the end of the group it is given (移至)', () => {
    const moved = moveToGroup(HANYIN, (r) => r.name === '发放人数', { level1: '产出指标', level2: '质量指标' });
    expect(layout(moved)).toEqual([
      '产出指标/数量指标/补助人数',
      '产出指标/质量指标/经费发放',
      '产出指标/质量指标/发放人数',
      '产出指标/成本指标/预算控制数',
      '效益指标/社会效益指标/知晓率',
      '满意度指标/服务对象满意度指标/满意度',
    ]);
  });

  it('moves a row to another 一级 group', () => {
    const moved = moveToGroup(HANYIN, (r) => r.name === '预算控制数', { level1: '满意度指标', level2: '服务对象满意度指标' });
    expect(names(moved)).toEqual(['发放人数', '补助人数', '经费发放', '知晓率', '满意度', '预算控制数']);
    expect(groupSpans(moved).map((s) => s.level1Span)).toEqual([3, 0, 0, 1, 2, 0]);
  });

  it('renames a whole 二级 group in place when no such group exists yet', () => {
    const moved = moveToGroup(HANYIN, (r) => r.level1 === '产出指标' && r.level2 === '数量指标', { level2: '时效指标' });
    expect(layout(moved).slice(0, 4)).toEqual(['产出指标/质量指标/经费发放', '产出指标/成本指标/预算控制数', '产出指标/时效指标/发放人数', '产出指标/时效指标/补助人数']);
  });

  it('merges a renamed 一级 group into an existing one, keeping its 二级 groups together', () => {
    const rows = [...HANYIN, row('新成本', '成本指标', '成本指标'), row('数量2', '成本指标', '数量指标')];
    const moved = moveToGroup(rows, (r) => r.level1 === '成本指标', { level1: '产出指标' });
    expect(layout(moved)).toEqual([
      '产出指标/数量指标/发放人数',
      '产出指标/数量指标/补助人数',
      '产出指标/数量指标/数量2',
      '产出指标/质量指标/经费发放',
      '产出指标/成本指标/预算控制数',
      '产出指标/成本指标/新成本',
      '效益指标/社会效益指标/知晓率',
      '满意度指标/服务对象满意度指标/满意度',
    ]);
  });

  it('leaves a row where it is when it already belongs to the group', () => {
    expect(moveToGroup(HANYIN, (r) => r.name === '发放人数', { level1: '产出指标', level2: '数量指标' })).toEqual(HANYIN);
  });

  it('changes no row object it does not move', () => {
    const moved = moveToGroup(HANYIN, (r) => r.name === '知晓率', { level2: '' });
    expect(moved.filter((r) => r.name !== '知晓率').every((r) => HANYIN.includes(r))).toBe(true);
    expect(moved.find((r) => r.name === '知晓率')).toEqual(row('知晓率', '效益指标', ''));
  });
});

describe(level1Choices.name, () => {
  it('offers the usual 一级指标 first, then the sheet’s own, once each', () => {
    expect(level1Choices([row('a', '投入管理指标', ''), row('b', '产出指标', '数量指标'), row('c', ' ', '')])).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标', '投入管理指标']);
  });
});

describe(level2Choices.name, () => {
  it('offers the usual 二级指标 of a 一级指标, then those its rows use', () => {
    const rows = [row('a', '产出指标', '数量指标'), row('b', '产出指标', '进度指标'), row('c', '效益指标', '进度指标')];
    expect(level2Choices(rows, '产出指标')).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '进度指标']);
    expect(level2Choices(rows, '投入管理指标')).toEqual([]);
  });
});
