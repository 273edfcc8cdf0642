import {
  isChangeIndicator,
  isCostIndicator,
  isMonthCountIndicator,
  isRateIndicator,
  isTimelinessIndicator,
} from './indicator-context';

describe('indicator context (指标上下文)', () => {
  it('knows a cost indicator by its first or second level', () => {
    expect(isCostIndicator({ level1: '成本指标' })).toBe(true);
    expect(isCostIndicator({ level1: '产出指标', level2: '成本指标' })).toBe(true);
    expect(isCostIndicator({ level1: '产出指标', level2: '质量指标', name: '成本控制率' })).toBe(false);
  });

  it('knows a timeliness indicator by its level or its name', () => {
    expect(isTimelinessIndicator({ level2: '时效指标', name: '参保人数' })).toBe(true);
    expect(isTimelinessIndicator({ level2: null, name: '资金拨付时间' })).toBe(true);
    expect(isTimelinessIndicator({ level2: '数量指标', name: '工作完成时限' })).toBe(true);
    expect(isTimelinessIndicator({ level2: '数量指标', name: '参保人数' })).toBe(false);
    expect(isTimelinessIndicator({})).toBe(false);
  });

  it.each([
    ['参保率', true],
    ['报销比例', true],
    ['医保基金占比', true],
    ['财政补助比重', true],
    ['群众满意度', true],
    ['政策覆盖面', true],
    ['结算效率(%)', true],
    ['住院费用报销比例较上年提高', true],
    ['频率', false],
    ['参保人数', false],
    ['基金收入', false],
  ] as const)('takes %j for a rate: %s', (name, rate) => {
    expect(isRateIndicator({ level1: '产出指标', level2: '数量指标', name })).toBe(rate);
  });

  it('takes any indicator under a satisfaction level for a rate', () => {
    expect(isRateIndicator({ level1: '满意度指标', name: '服务对象评价' })).toBe(true);
  });

  it.each([
    ['医保基金收入增长率', true],
    ['药品价格平均降幅', true],
    ['新增定点机构数', true],
    ['办理时限压缩天数', true],
    ['参保人数', false],
  ] as const)('takes %j for a change: %s', (name, change) => {
    expect(isChangeIndicator({ name })).toBe(change);
  });

  it('knows a count of months by the name', () => {
    expect(isMonthCountIndicator({ name: '基金滚存结余可支配月数' })).toBe(true);
    expect(isMonthCountIndicator({ name: '宣传活动时间' })).toBe(false);
  });
});
