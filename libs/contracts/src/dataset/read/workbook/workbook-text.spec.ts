import { plainDecimal, readAmount, shiftDecimal } from './amounts';
import { splitGoals } from './goals';
import { composeTarget } from './indicator-table';
import { labelKey, matchHeaderLabel, matchIndicatorLabel, splitCodeAndName, statedMoneyUnit } from './labels';
import { checkpointMonth } from './spending-plan';

describe('labels', () => {
  it.each([
    ['项目名称', 'projectName'],
    ['项 目 名 称', 'projectName'],
    ['主管部门及代码', 'department'],
    ['部门（单位）名称', 'department'],
    ['部门(单位)名称：', 'department'],
    ['实施单位', 'unit'],
    ['实施期资金总额:', 'total'],
    ['年度资金总额', 'total'],
    ['其中：财政拨款', 'fiscal'],
    ['其中:财政 资金', 'fiscal'],
    ['其他资金', 'other'],
    ['资金支出计划（%）', 'spendingPlan'],
    ['年度履职目标', 'goals'],
    ['总体目标', 'goals'],
    ['(1) 基本支出', 'budgetBasic'],
    ['部门预算总额（万元）', 'budgetTotal'],
    ['资金金额 (万元)', 'group'],
    ['年度绩效指标', 'group'],
  ])('%j is a %s label', (text, field) => {
    expect(matchHeaderLabel(text)?.field).toBe(field);
  });

  it('reads a value written after the label in the same cell, with either colon', () => {
    expect(matchHeaderLabel('部门名称：沈丘县医疗保障局')).toEqual({ field: 'department', inline: '沈丘县医疗保障局', key: '部门名称' });
    expect(matchHeaderLabel('项目名称:医保重点工作经费')?.inline).toBe('医保重点工作经费');
    expect(matchHeaderLabel('参保人数≥1428人')).toBeNull();
  });

  it.each([
    ['一级指标', 'level1'],
    ['二级指标', 'level2'],
    ['三级指标', 'name'],
    ['指标内容', 'name'],
    ['指标名称', 'name'],
    ['指标值', 'target'],
    ['指标值（包含数字及文字描述）', 'target'],
    ['指标值确定依据', 'basis'],
    ['指标值说明', 'remark'],
    ['备 注', 'remark'],
    ['指标性质', 'operator'],
    ['度量单位', 'unit'],
    ['计量单位', 'unit'],
    ['分值', 'weight'],
    ['评（扣）分标准', 'scoring'],
    ['指标解释', 'description'],
    ['绩效指标描述', 'description'],
  ])('%j is the %s column', (text, column) => {
    expect(matchIndicatorLabel(text)).toBe(column);
  });

  it('states money units in lines and labels, full-width or not', () => {
    expect(statedMoneyUnit('单位：万元')).toBe('万元');
    expect(statedMoneyUnit('金额单位:元')).toBe('元');
    expect(statedMoneyUnit('项目资金（元）')).toBe('元');
    expect(statedMoneyUnit('资金金额 (万元)')).toBe('万元');
    expect(statedMoneyUnit('实施单位')).toBeNull();
  });

  it('splits a code from a name the ways exports write it', () => {
    expect(splitCodeAndName('[962]汉阴县医疗保障局')).toEqual({ code: '962', name: '汉阴县医疗保障局' });
    expect(splitCodeAndName('【404001】神木市医疗保障局')).toEqual({ code: '404001', name: '神木市医疗保障局' });
    expect(splitCodeAndName('404-神木市医疗保障局')).toEqual({ code: '404', name: '神木市医疗保障局' });
    expect(splitCodeAndName('306001 沈丘县医疗保障局')).toEqual({ code: '306001', name: '沈丘县医疗保障局' });
    expect(splitCodeAndName('许昌市医疗保障局（507）')).toEqual({ code: '507', name: '许昌市医疗保障局' });
    expect(splitCodeAndName('许昌市医疗保障局')).toEqual({ code: null, name: '许昌市医疗保障局' });
    expect(splitCodeAndName('2024年专项经费')).toEqual({ code: null, name: '2024年专项经费' });
    expect(labelKey('（1）基本支出：')).toBe('基本支出');
  });
});

describe('amounts', () => {
  it.each([
    ['41', '万元', '410000.00'],
    ['1494.61', '万元', '14946100.00'],
    ['1,494.61', '万元', '14946100.00'],
    ['１４９４．６１', '万元', '14946100.00'],
    ['3,143.81', '万元', '31438100.00'],
    ['41万元', '元', '410000.00'],
    ['20万', '元', '200000.00'],
    ['410000元', '万元', '410000.00'],
    ['4359500', '元', '4359500.00'],
    ['0.000001', '万元', '0.01'],
    ['1.2E+3', '万元', '12000000.00'],
    ['0', '万元', '0.00'],
    ['41.00（万元）', '元', '410000.00'],
  ] as const)('%j in %s is %s 元', (text, unit, yuan) => {
    expect(readAmount(text, unit)).toEqual({ kind: 'amount', yuan });
  });

  it('reads empty look-alikes as nothing and words as unreadable', () => {
    for (const text of [null, '', ' ', '-', '—', '/', '无']) expect(readAmount(text, '万元')).toEqual({ kind: 'empty' });
    for (const text of ['四十一', '41.5.2', '约41']) expect(readAmount(text, '万元')).toEqual({ kind: 'unreadable' });
  });

  it('shifts decimals exactly', () => {
    expect(shiftDecimal('28320000.00', -4)).toBe('2832');
    expect(shiftDecimal('25', -2)).toBe('0.25');
    expect(shiftDecimal('0.5', -2)).toBe('0.005');
    expect(shiftDecimal('1.23', 4)).toBe('12300');
    expect(plainDecimal('-0')).toBe('0');
    expect(plainDecimal('1e-7')).toBe('0.0000001');
  });
});

describe(splitGoals.name, () => {
  it.each([
    ['', []],
    ['确保全县参加城乡居民基本医疗保险制度县级补助资金足额到位。', ['确保全县参加城乡居民基本医疗保险制度县级补助资金足额到位。']],
    ['目标1：每月按时发放工资； 目标2：宣传医保政策；', ['每月按时发放工资', '宣传医保政策']],
    ['目标1: 贯彻执行, 确保待遇。 目标2: 监督检查。', ['贯彻执行, 确保待遇。', '监督检查。']],
    ['1.中央和地方各级财政补助。', ['中央和地方各级财政补助。']],
    ['1.定点医药机构监督检查覆盖 2.保障信息系统运行', ['定点医药机构监督检查覆盖', '保障信息系统运行']],
    ['1、持续打击欺诈骗保\n2、深化医疗保障制度改革，\n增强抗风险能力。', ['持续打击欺诈骗保', '深化医疗保障制度改革，增强抗风险能力。']],
    ['（1）参保率达到95%\n（2）提升2.5个百分点', ['参保率达到95%', '提升2.5个百分点']],
    ['参保率提升2.5%，知晓率达90%', ['参保率提升2.5%，知晓率达90%']],
    ['第一项工作\n第二项工作', ['第一项工作', '第二项工作']],
  ])('%j → %j', (text, goals) => {
    expect(splitGoals(text)).toEqual(goals);
  });
});

describe(composeTarget.name, () => {
  it.each([
    ['≥', '90', '%', '≥90%'],
    ['≤', '41', '万元', '≤41万元'],
    ['=', '2310', '元/人/年', '=2310元/人/年'],
    ['定性', '全覆盖', null, '全覆盖'],
    ['定性', '及时', '%', '及时'],
    ['大于等于', '95', '%', '≥95%'],
    ['小于等于', '100', '%', '≤100%'],
    [null, '100%', null, '100%'],
    ['定量', '2', '人', '2人'],
    ['≥', '≥90%', '%', '≥90%'],
    ['≥', '95', '百分比', '≥95百分比'],
    ['>=', '27', '万人', '>=27万人'],
    ['≥', null, '%', null],
  ])('%j + %j + %j → %j', (operator, value, unit, target) => {
    expect(composeTarget(operator, value, unit)).toBe(target);
  });
});

describe(checkpointMonth.name, () => {
  it.each([
    ['3月底', 3],
    ['6 月', 6],
    ['10月底', 10],
    ['12月末', 12],
    ['９月份', 9],
    ['第一季度', 3],
    ['四季度末', 12],
    ['13月', null],
    ['合计', null],
  ])('%j → %j', (text, month) => {
    expect(checkpointMonth(text)).toBe(month);
  });
});
