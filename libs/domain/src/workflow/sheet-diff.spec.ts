import * as fs from 'fs';
import * as path from 'path';
import { DATASETS_DIR } from '../../../../test/support/fixtures';
import { diffSheets, NO_CHANGE_SUMMARY, SheetChange, SheetSnapshot, SnapshotIndicator } from './sheet-diff';

/** 汉阴县医疗保障局 2024 部门整体绩效目标 (shared/fixtures/hanyin-2024.json), with keys as the API gives them. */
function hanyinDepartmentSheet(): SheetSnapshot {
  const indicator = (key: string, level1: string, level2: string, name: string, target: string): SnapshotIndicator => ({
    key,
    level1,
    level2,
    name,
    target,
    weight: null,
    basis: null,
    remark: null,
    description: null,
  });
  return {
    goals: [
      '每月按时发放在职人员工资，保障人员类经费',
      '宣传并贯彻执行医疗保障政策，确保参保群众依法享受医保待遇',
      '监督检查县域内定点医药机构的服务行为和医保政策执行情况，做好打击欺诈骗保专项整治',
    ],
    indicators: [
      indicator('i1', '产出指标', '数量指标', '保障人员类经费发放人数', '在职27人'),
      indicator('i2', '产出指标', '数量指标', '2024年城乡居民医保县级补助人数', '≥26万人'),
      indicator('i3', '产出指标', '数量指标', '企业离休干部医疗费报销', '2人'),
      indicator('i4', '产出指标', '质量指标', '保障人员类经费发放', '及时准确'),
      indicator('i5', '产出指标', '时效指标', '县级补助资金到位及时率', '100%'),
      indicator('i6', '产出指标', '成本指标', '预算控制数', '≤1996.62万元'),
      indicator('i7', '效益指标', '社会效益指标', '群众对医保政策知晓率', '≥90%'),
      indicator('i8', '满意度指标', '服务对象满意度指标', '参保群众满意度', '≥90%'),
    ],
    spendingPlan: [
      { month: 3, cumulativeAmount: '4991550.00' },
      { month: 6, cumulativeAmount: '9983100.00' },
      { month: 9, cumulativeAmount: '14974650.00' },
      { month: 12, cumulativeAmount: '19966200.00' },
    ],
    tasks: [
      { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
      { name: '公用经费', content: '保障单位正常运转', amount: '126000.00' },
      { name: '专项业务费', content: '完成医疗保障管理重点工作', amount: '16541400.00' },
    ],
  };
}

/** 汉阴县 医保重点工作经费 (a project sheet: no tasks, no keys — as imported). */
function hanyinProjectSheet(): SheetSnapshot {
  return {
    goals: [
      '贯彻执行医疗保障政策, 确保全县参保群众依法享受医保待遇。',
      '保障企业离休干部医疗费报销及时到位。',
    ],
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '服务全县参保群众人数', target: '>27万人' },
      { level1: '产出指标', level2: '数量指标', name: '保障企业离休干部人数', target: '2人' },
      { level1: '产出指标', level2: '质量指标', name: '医保报销的合规性', target: '按上级文件政策执行' },
      { level1: '产出指标', level2: '时效指标', name: '工作完成时限', target: '2023年全年' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '参保群众满意度', target: '≥90%' },
    ],
    spendingPlan: [],
  };
}

/** The sentences of a diff, for compact expectations. */
const messages = (changes: readonly SheetChange[]): string[] => changes.map((c) => c.message);

describe(diffSheets.name, () => {
  describe('no change', () => {
    it('finds nothing between a sheet and itself', () => {
      expect(diffSheets(hanyinDepartmentSheet(), hanyinDepartmentSheet())).toEqual({ changes: [], summary: NO_CHANGE_SUMMARY });
      expect(NO_CHANGE_SUMMARY).toBe('与上一版本相比没有变化');
    });

    it('finds nothing between two empty sheets', () => {
      expect(diffSheets({ goals: [], indicators: [], spendingPlan: [] }, { goals: [], indicators: [], spendingPlan: [] })).toEqual({
        changes: [],
        summary: '与上一版本相比没有变化',
      });
    });

    it('ignores whitespace, full-width characters, reordered goals and plan points, and decimal notation', () => {
      const before = hanyinDepartmentSheet();
      const after = hanyinDepartmentSheet();
      after.goals.reverse();
      after.goals[0] = `  ${after.goals[0]} `;
      after.indicators[1] = { ...after.indicators[1]!, key: null, level1: ' 产出指标', name: '2024年 城乡居民医保县级补助人数', target: '≥ 26万人' };
      after.indicators[4] = { ...after.indicators[4]!, target: '１００％' };
      after.indicators[6] = { ...after.indicators[6]!, remark: '   ', description: '' };
      after.spendingPlan = [
        { month: 12, cumulativeAmount: '19966200' },
        { month: 3, cumulativeAmount: '4991550.0' },
        { month: 9, cumulativeAmount: '14974650.00' },
        { month: 6, cumulativeAmount: '9983100.00' },
      ];
      after.tasks = [
        { name: ' 公用经费', content: '保障单位 正常运转', amount: '126000' },
        { name: '人员经费', content: '发放在职人员工资', amount: '3298800.0' },
        { name: '专项业务费', content: '完成医疗保障管理重点工作', amount: '16541400.00' },
      ];
      expect(diffSheets(before, after)).toEqual({ changes: [], summary: NO_CHANGE_SUMMARY });
    });

    it('treats missing tasks as no tasks', () => {
      const before = hanyinProjectSheet();
      expect(diffSheets(before, { ...before, tasks: [] })).toEqual({ changes: [], summary: NO_CHANGE_SUMMARY });
    });

    it('compares weights as decimals', () => {
      const before = hanyinDepartmentSheet();
      before.indicators[0] = { ...before.indicators[0]!, weight: '10' };
      const after = hanyinDepartmentSheet();
      after.indicators[0] = { ...after.indicators[0]!, weight: '10.00' };
      expect(diffSheets(before, after).changes).toEqual([]);
    });
  });

  describe('indicators', () => {
    it('reports a changed target as in the brief', () => {
      const after = hanyinDepartmentSheet();
      after.indicators[1] = { ...after.indicators[1]!, target: '≥27万人' };
      expect(diffSheets(hanyinDepartmentSheet(), after)).toEqual({
        changes: [
          {
            kind: 'indicator_changed',
            path: '产出指标 / 数量指标 / 2024年城乡居民医保县级补助人数',
            field: 'target',
            before: '≥26万人',
            after: '≥27万人',
            message: '「2024年城乡居民医保县级补助人数」指标值由 ≥26万人 改为 ≥27万人',
          },
        ],
        summary: '新增指标 0 项，修改指标 1 项，删除指标 0 项',
      });
    });

    it('reports an added indicator at its place and a removed one after the others', () => {
      const before = hanyinDepartmentSheet();
      const after = hanyinDepartmentSheet();
      after.indicators.splice(2, 1); // 企业离休干部医疗费报销 removed
      after.indicators.splice(3, 0, { key: 'n1', level1: '产出指标', level2: '质量指标', name: '医保报销的合规性', target: '按上级文件政策执行' });
      after.indicators[0] = { ...after.indicators[0]!, target: '在职28人' };
      const diff = diffSheets(before, after);
      expect(diff.changes).toEqual([
        {
          kind: 'indicator_changed',
          path: '产出指标 / 数量指标 / 保障人员类经费发放人数',
          field: 'target',
          before: '在职27人',
          after: '在职28人',
          message: '「保障人员类经费发放人数」指标值由 在职27人 改为 在职28人',
        },
        {
          kind: 'indicator_added',
          path: '产出指标 / 质量指标 / 医保报销的合规性',
          before: null,
          after: '按上级文件政策执行',
          message: '新增指标「医保报销的合规性」（产出指标 / 质量指标），指标值 按上级文件政策执行',
        },
        {
          kind: 'indicator_removed',
          path: '产出指标 / 数量指标 / 企业离休干部医疗费报销',
          before: '2人',
          after: null,
          message: '删除指标「企业离休干部医疗费报销」（产出指标 / 数量指标），原指标值 2人',
        },
      ]);
      expect(diff.summary).toBe('新增指标 1 项，修改指标 1 项，删除指标 1 项');
    });

    it('lists removed indicators in their before order, after every indicator of the new version', () => {
      const before = hanyinDepartmentSheet();
      const after = hanyinDepartmentSheet();
      after.indicators = [after.indicators[7]!, after.indicators[3]!, { key: null, level1: '效益指标', level2: '社会效益指标', name: '参保率', target: '≥95%' }];
      const diff = diffSheets(before, after);
      expect(diff.changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
        'indicator_added 效益指标 / 社会效益指标 / 参保率',
        'indicator_removed 产出指标 / 数量指标 / 保障人员类经费发放人数',
        'indicator_removed 产出指标 / 数量指标 / 2024年城乡居民医保县级补助人数',
        'indicator_removed 产出指标 / 数量指标 / 企业离休干部医疗费报销',
        'indicator_removed 产出指标 / 时效指标 / 县级补助资金到位及时率',
        'indicator_removed 产出指标 / 成本指标 / 预算控制数',
        'indicator_removed 效益指标 / 社会效益指标 / 群众对医保政策知晓率',
      ]);
      expect(diff.summary).toBe('新增指标 1 项，修改指标 0 项，删除指标 6 项');
    });

    it('does not report a reordering of indicators', () => {
      const after = hanyinDepartmentSheet();
      after.indicators.reverse();
      expect(diffSheets(hanyinDepartmentSheet(), after).changes).toEqual([]);
    });

    it('follows a renamed and moved indicator by its key', () => {
      const after = hanyinDepartmentSheet();
      after.indicators[6] = { ...after.indicators[6]!, level2: '可持续影响指标', name: '群众对医保政策的知晓率', target: '≥92%' };
      const diff = diffSheets(hanyinDepartmentSheet(), after);
      expect(diff.changes).toEqual([
        {
          kind: 'indicator_changed',
          path: '效益指标 / 可持续影响指标 / 群众对医保政策的知晓率',
          field: 'name',
          before: '群众对医保政策知晓率',
          after: '群众对医保政策的知晓率',
          message: '指标「群众对医保政策知晓率」更名为「群众对医保政策的知晓率」',
        },
        {
          kind: 'indicator_changed',
          path: '效益指标 / 可持续影响指标 / 群众对医保政策的知晓率',
          field: 'level2',
          before: '社会效益指标',
          after: '可持续影响指标',
          message: '「群众对医保政策的知晓率」二级指标由 社会效益指标 改为 可持续影响指标',
        },
        {
          kind: 'indicator_changed',
          path: '效益指标 / 可持续影响指标 / 群众对医保政策的知晓率',
          field: 'target',
          before: '≥90%',
          after: '≥92%',
          message: '「群众对医保政策的知晓率」指标值由 ≥90% 改为 ≥92%',
        },
      ]);
      expect(diff.summary).toBe('新增指标 0 项，修改指标 1 项，删除指标 0 项');
    });

    it('shows a renamed indicator without keys as removed and added', () => {
      const before = hanyinProjectSheet();
      const after = hanyinProjectSheet();
      after.indicators[3] = { ...after.indicators[3]!, name: '资金支付时限', target: '2024年12月底前' };
      const diff = diffSheets(before, after);
      expect(messages(diff.changes)).toEqual([
        '新增指标「资金支付时限」（产出指标 / 时效指标），指标值 2024年12月底前',
        '删除指标「工作完成时限」（产出指标 / 时效指标），原指标值 2023年全年',
      ]);
      expect(diff.summary).toBe('新增指标 1 项，修改指标 0 项，删除指标 1 项');
    });

    it('matches by name when only one version carries keys (a sheet imported without ids)', () => {
      const before = hanyinProjectSheet();
      const after = hanyinProjectSheet();
      after.indicators = after.indicators.map((indicator, index) => ({ ...indicator, key: `id-${index}` }));
      after.indicators[3] = { ...after.indicators[3]!, target: '2024年全年' };
      expect(messages(diffSheets(before, after).changes)).toEqual(['「工作完成时限」指标值由 2023年全年 改为 2024年全年']);
    });

    it('keeps indicators with different keys apart even when their names agree', () => {
      const after = hanyinDepartmentSheet();
      after.indicators[2] = { ...after.indicators[2]!, key: 'i3-new' };
      expect(diffSheets(hanyinDepartmentSheet(), after).changes.map((c) => c.kind)).toEqual(['indicator_added', 'indicator_removed']);
    });

    it('pairs duplicate indicators in order', () => {
      const before = hanyinProjectSheet();
      before.indicators.push({ ...before.indicators[1]!, target: '3人' });
      const after = hanyinProjectSheet();
      after.indicators.push({ ...after.indicators[1]!, target: '4人' });
      expect(messages(diffSheets(before, after).changes)).toEqual(['「保障企业离休干部人数」指标值由 3人 改为 4人']);
    });

    it('reports a first-level move of a keyed indicator', () => {
      const after = hanyinDepartmentSheet();
      after.indicators[5] = { ...after.indicators[5]!, level1: '成本指标', level2: null };
      const diff = diffSheets(hanyinDepartmentSheet(), after);
      expect(diff.changes).toEqual([
        {
          kind: 'indicator_changed',
          path: '成本指标 / 预算控制数',
          field: 'level1',
          before: '产出指标',
          after: '成本指标',
          message: '「预算控制数」一级指标由 产出指标 改为 成本指标',
        },
        {
          kind: 'indicator_changed',
          path: '成本指标 / 预算控制数',
          field: 'level2',
          before: '成本指标',
          after: null,
          message: '「预算控制数」删除二级指标（原为 成本指标）',
        },
      ]);
    });

    it('reports weight, basis, remark and description, added, changed and removed', () => {
      const before = hanyinDepartmentSheet();
      before.indicators[7] = { ...before.indicators[7]!, weight: '10', remark: '问卷调查', description: '抽样调查参保群众' };
      const after = hanyinDepartmentSheet();
      after.indicators[7] = { ...after.indicators[7]!, weight: '8.5', basis: '2023年满意度调查结果', remark: null, description: '抽样调查参保群众（不少于200人）' };
      const diff = diffSheets(before, after);
      expect(diff.changes.map((c) => [c.field, c.before, c.after, c.message])).toEqual([
        ['weight', '10', '8.5', '「参保群众满意度」权重由 10 改为 8.5'],
        ['basis', null, '2023年满意度调查结果', '「参保群众满意度」补充设定依据：2023年满意度调查结果'],
        ['remark', '问卷调查', null, '「参保群众满意度」删除备注（原为 问卷调查）'],
        ['description', '抽样调查参保群众', '抽样调查参保群众（不少于200人）', '「参保群众满意度」指标解释由 抽样调查参保群众 改为 抽样调查参保群众（不少于200人）'],
      ]);
      expect(diff.changes.every((c) => c.kind === 'indicator_changed' && c.path === '满意度指标 / 服务对象满意度指标 / 参保群众满意度')).toBe(true);
      expect(diff.summary).toBe('新增指标 0 项，修改指标 1 项，删除指标 0 项');
    });

    it('says so when an added indicator has no target yet', () => {
      const before = hanyinProjectSheet();
      const after = hanyinProjectSheet();
      after.indicators.push({ level1: '效益指标', level2: '社会效益指标', name: '参保率', target: ' ' });
      expect(diffSheets(before, after).changes).toEqual([
        {
          kind: 'indicator_added',
          path: '效益指标 / 社会效益指标 / 参保率',
          before: null,
          after: null,
          message: '新增指标「参保率」（效益指标 / 社会效益指标），指标值 （空）',
        },
      ]);
    });
  });

  describe('goals (绩效目标)', () => {
    it('reports added goals in the new order, then removed ones', () => {
      const before = hanyinDepartmentSheet();
      const after = hanyinDepartmentSheet();
      after.goals = [
        '继续落实医保支付制度改革，进一步推进医保信息化建设，确保医保基金合理使用、安全运行',
        after.goals[2]!,
        after.goals[0]!,
      ];
      const diff = diffSheets(before, after);
      expect(diff.changes).toEqual([
        {
          kind: 'goal_added',
          path: '绩效目标',
          before: null,
          after: '继续落实医保支付制度改革，进一步推进医保信息化建设，确保医保基金合理使用、安全运行',
          message: '新增绩效目标「继续落实医保支付制度改革，进一步推进医保信息化建设，确保医保基金合理使用、安全运行」',
        },
        {
          kind: 'goal_removed',
          path: '绩效目标',
          before: '宣传并贯彻执行医疗保障政策，确保参保群众依法享受医保待遇',
          after: null,
          message: '删除绩效目标「宣传并贯彻执行医疗保障政策，确保参保群众依法享受医保待遇」',
        },
      ]);
      expect(diff.summary).toBe('新增绩效目标 1 条，删除绩效目标 1 条');
    });

    it('counts a repeated goal', () => {
      const before = hanyinProjectSheet();
      const after = hanyinProjectSheet();
      after.goals.push(after.goals[1]!);
      expect(messages(diffSheets(before, after).changes)).toEqual(['新增绩效目标「保障企业离休干部医疗费报销及时到位。」']);
    });

    it('ignores blank goals', () => {
      const after = hanyinProjectSheet();
      after.goals.push('  ', '');
      expect(diffSheets(hanyinProjectSheet(), after).changes).toEqual([]);
    });

    it('reports an edited goal as removed and added', () => {
      const after = hanyinProjectSheet();
      after.goals[1] = '保障企业离休干部医疗费按月报销到位。';
      expect(diffSheets(hanyinProjectSheet(), after).changes.map((c) => c.kind)).toEqual(['goal_added', 'goal_removed']);
    });
  });

  describe('spending plan (资金支出计划)', () => {
    /** 望都县 城乡居民医疗保险县级配套 (shared/fixtures/wangdu-2024.json). */
    const wangdu = (): SheetSnapshot => ({
      goals: [],
      indicators: [],
      spendingPlan: [
        { month: 3, cumulativeAmount: '7080000.00' },
        { month: 6, cumulativeAmount: '14160000.00' },
        { month: 10, cumulativeAmount: '21240000.00' },
        { month: 12, cumulativeAmount: '28320000.00' },
      ],
    });

    it('reports added, removed and changed months by month, amounts in 万元', () => {
      const after = wangdu();
      after.spendingPlan = [
        { month: 12, cumulativeAmount: '28320000.00' },
        { month: 9, cumulativeAmount: '21240000.00' },
        { month: 6, cumulativeAmount: '12345678.9' },
        { month: 3, cumulativeAmount: '7080000.00' },
      ];
      const diff = diffSheets(wangdu(), after);
      expect(diff.changes).toEqual([
        {
          kind: 'plan_changed',
          path: '资金支出计划 / 6月',
          field: 'cumulativeAmount',
          before: '14160000.00',
          after: '12345678.90',
          message: '6月末累计计划支出由 1416万元 改为 1234.56789万元',
        },
        {
          kind: 'plan_added',
          path: '资金支出计划 / 9月',
          field: 'cumulativeAmount',
          before: null,
          after: '21240000.00',
          message: '新增9月末累计计划支出 2124万元',
        },
        {
          kind: 'plan_removed',
          path: '资金支出计划 / 10月',
          field: 'cumulativeAmount',
          before: '21240000.00',
          after: null,
          message: '删除10月末累计计划支出（原为 2124万元）',
        },
      ]);
      expect(diff.summary).toBe('支出计划调整 3 处');
    });

    it('treats 100.0 and 100.00 as the same amount, and shows cents exactly', () => {
      const before: SheetSnapshot = { goals: [], indicators: [], spendingPlan: [{ month: 12, cumulativeAmount: '100.0' }] };
      expect(diffSheets(before, { ...before, spendingPlan: [{ month: 12, cumulativeAmount: '100.00' }] }).changes).toEqual([]);
      expect(messages(diffSheets(before, { ...before, spendingPlan: [{ month: 12, cumulativeAmount: '100.01' }] }).changes)).toEqual([
        '12月末累计计划支出由 0.01万元 改为 0.010001万元',
      ]);
    });

    it('reports a plan set for the first time', () => {
      const before = hanyinProjectSheet();
      const after = hanyinProjectSheet();
      after.spendingPlan = [
        { month: 6, cumulativeAmount: '205000.00' },
        { month: 12, cumulativeAmount: '410000.00' },
      ];
      const diff = diffSheets(before, after);
      expect(messages(diff.changes)).toEqual(['新增6月末累计计划支出 20.5万元', '新增12月末累计计划支出 41万元']);
      expect(diff.summary).toBe('支出计划调整 2 处');
    });
  });

  describe('tasks (主要任务)', () => {
    it('reports added, changed and removed tasks', () => {
      const before = hanyinDepartmentSheet();
      const after = hanyinDepartmentSheet();
      after.tasks = [
        { name: '专项业务费', content: '完成医疗保障管理重点工作及医疗救助', amount: '16000000.00' },
        { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
        { name: '医疗救助', content: null, amount: '541400.00' },
      ];
      const diff = diffSheets(before, after);
      expect(diff.changes).toEqual([
        {
          kind: 'task_changed',
          path: '主要任务 / 专项业务费',
          field: 'content',
          before: '完成医疗保障管理重点工作',
          after: '完成医疗保障管理重点工作及医疗救助',
          message: '任务「专项业务费」主要内容由 完成医疗保障管理重点工作 改为 完成医疗保障管理重点工作及医疗救助',
        },
        {
          kind: 'task_changed',
          path: '主要任务 / 专项业务费',
          field: 'amount',
          before: '16541400.00',
          after: '16000000.00',
          message: '任务「专项业务费」金额由 1654.14万元 改为 1600万元',
        },
        { kind: 'task_added', path: '主要任务 / 医疗救助', before: null, after: '医疗救助', message: '新增任务「医疗救助」，金额 54.14万元' },
        { kind: 'task_removed', path: '主要任务 / 公用经费', before: '公用经费', after: null, message: '删除任务「公用经费」' },
      ]);
      expect(diff.summary).toBe('新增任务 1 项，修改任务 1 项，删除任务 1 项');
    });

    it('reports an amount set or cleared', () => {
      const before: SheetSnapshot = { goals: [], indicators: [], spendingPlan: [], tasks: [{ name: '公用经费', content: null, amount: null }] };
      const after: SheetSnapshot = { ...before, tasks: [{ name: '公用经费', content: '保障单位正常运转', amount: '126000' }] };
      expect(diffSheets(before, after).changes.map((c) => [c.field, c.before, c.after, c.message])).toEqual([
        ['content', null, '保障单位正常运转', '任务「公用经费」补充主要内容：保障单位正常运转'],
        ['amount', null, '126000.00', '任务「公用经费」补充金额：12.6万元'],
      ]);
      expect(messages(diffSheets(after, before).changes)).toEqual([
        '任务「公用经费」删除主要内容（原为 保障单位正常运转）',
        '任务「公用经费」删除金额（原为 12.6万元）',
      ]);
    });

    it('adds a task without an amount without naming one', () => {
      const before: SheetSnapshot = { goals: [], indicators: [], spendingPlan: [] };
      expect(messages(diffSheets(before, { ...before, tasks: [{ name: '医保宣传', content: '政策宣传月活动', amount: null }] }).changes)).toEqual([
        '新增任务「医保宣传」',
      ]);
    });
  });

  describe('budget summary (部门预算)', () => {
    const budget = { total: '19966200.00', basic: '3424800.00', project: '16541400.00' };

    it('reports each changed amount in 万元, compared as decimals', () => {
      const before: SheetSnapshot = { ...hanyinDepartmentSheet(), budget };
      const after: SheetSnapshot = { ...hanyinDepartmentSheet(), budget: { total: '20000000', basic: '3424800.0', project: '16575200.00' } };
      const diff = diffSheets(before, after);
      expect(diff.changes).toEqual([
        {
          kind: 'budget_changed',
          path: '部门预算 / 总额',
          field: 'total',
          before: '19966200.00',
          after: '20000000.00',
          message: '部门预算总额由 1996.62万元 改为 2000万元',
        },
        {
          kind: 'budget_changed',
          path: '部门预算 / 项目支出',
          field: 'project',
          before: '16541400.00',
          after: '16575200.00',
          message: '部门预算项目支出由 1654.14万元 改为 1657.52万元',
        },
      ]);
      expect(diff.summary).toBe('部门预算调整 2 处');
    });

    it('reports an amount filled in or cleared', () => {
      const before: SheetSnapshot = { goals: [], indicators: [], spendingPlan: [], budget: { total: '19966200.00', basic: null, project: null } };
      const after: SheetSnapshot = { ...before, budget: { total: null, basic: '3424800.00', project: null } };
      expect(messages(diffSheets(before, after).changes)).toEqual(['部门预算删除总额（原为 1996.62万元）', '部门预算补充基本支出：342.48万元']);
    });

    it('compares nothing when a version carries no budget (a project sheet)', () => {
      const before: SheetSnapshot = { goals: [], indicators: [], spendingPlan: [] };
      expect(diffSheets(before, { ...before, budget })).toEqual({ changes: [], summary: NO_CHANGE_SUMMARY });
      expect(diffSheets({ ...before, budget: null }, { ...before, budget })).toEqual({ changes: [], summary: NO_CHANGE_SUMMARY });
    });
  });

  it('orders goals, indicators, plan, tasks and joins the summary', () => {
    const after = hanyinDepartmentSheet();
    after.tasks = after.tasks!.slice(0, 2);
    after.spendingPlan[1] = { month: 6, cumulativeAmount: '9000000.00' };
    after.indicators[1] = { ...after.indicators[1]!, target: '≥27万人' };
    after.indicators[3] = { ...after.indicators[3]!, target: '及时、准确' };
    after.indicators.push({ key: null, level1: '效益指标', level2: '社会效益指标', name: '纳入监测范围的农村易返贫致贫人口的参保率', target: '100%' });
    after.goals.push('继续落实医保支付制度改革，进一步推进医保信息化建设');
    const diff = diffSheets(hanyinDepartmentSheet(), after);
    expect(diff.changes.map((c) => c.kind)).toEqual([
      'goal_added',
      'indicator_changed',
      'indicator_changed',
      'indicator_added',
      'plan_changed',
      'task_removed',
    ]);
    expect(diff.changes[2]!.message).toBe('「保障人员类经费发放」指标值由 及时准确 改为 及时、准确');
    expect(diff.summary).toBe(
      '新增绩效目标 1 条，删除绩效目标 0 条；新增指标 1 项，修改指标 2 项，删除指标 0 项；支出计划调整 1 处；新增任务 0 项，修改任务 0 项，删除任务 1 项',
    );
  });

  it('is symmetric in what it counts', () => {
    const a = hanyinDepartmentSheet();
    const b = hanyinDepartmentSheet();
    b.indicators.splice(0, 2);
    b.indicators[0] = { ...b.indicators[0]!, target: '3人' };
    expect(diffSheets(a, b).summary).toBe('新增指标 0 项，修改指标 1 项，删除指标 2 项');
    expect(diffSheets(b, a).summary).toBe('新增指标 2 项，修改指标 1 项，删除指标 0 项');
  });

  describe('the real sheets of the demo datasets (copied from shared/fixtures)', () => {
    interface FixtureSheet {
      goals: string[];
      indicators: SnapshotIndicator[];
      spendingPlan?: { month: number; cumulativeAmount: string }[]; // department sheets carry a budget summary instead
      tasks?: { name: string; content: string | null; amount: string | null }[];
    }
    const snapshotOf = (sheet: FixtureSheet): SheetSnapshot => ({ ...sheet, spendingPlan: sheet.spendingPlan ?? [] });
    const dir = DATASETS_DIR;
    const sheets = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((file) => {
        const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { departmentSheet: FixtureSheet | null; projects: (FixtureSheet & { name: string })[] };
        const named: [string, SheetSnapshot][] = data.projects.map((p) => [`${file} ${p.name}`, snapshotOf(p)]);
        if (data.departmentSheet !== null) named.unshift([`${file} 部门整体`, snapshotOf(data.departmentSheet)]);
        return named;
      });

    it('has sheets to compare', () => {
      expect(sheets.length).toBeGreaterThan(10);
    });

    it.each(sheets)('%s: no change against a copy of itself', (_name, sheet) => {
      const copy = JSON.parse(JSON.stringify(sheet)) as SheetSnapshot;
      expect(diffSheets(sheet, copy)).toEqual({ changes: [], summary: NO_CHANGE_SUMMARY });
    });

    it.each(sheets)('%s: every indicator removed when the tree is emptied', (_name, sheet) => {
      const diff = diffSheets(sheet, { ...sheet, indicators: [] });
      expect(diff.changes.filter((c) => c.kind === 'indicator_removed')).toHaveLength(sheet.indicators.length);
    });
  });
});
