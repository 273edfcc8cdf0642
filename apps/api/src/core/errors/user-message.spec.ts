import { splitUserMessage } from './user-message';

describe(splitUserMessage.name, () => {
  const fallback = '请求有误';

  it('keeps the Chinese of "中文 / English" for the user and the English for the logs', () => {
    expect(splitUserMessage('找不到该绩效目标表，或您无权查看 / target sheet not found', fallback)).toEqual({
      chinese: '找不到该绩效目标表，或您无权查看',
      english: 'target sheet not found',
    });
    expect(splitUserMessage('amount：资金总额须等于财政资金与其他资金之和 / fiscal + other must equal total', fallback)).toEqual({
      chinese: 'amount：资金总额须等于财政资金与其他资金之和',
      english: 'fiscal + other must equal total',
    });
  });

  it('splits at the last separator, so an earlier " / " in the Chinese stays', () => {
    const split = splitUserMessage('请检查 REPORT_FONT_PATH / REPORT_FONT_FACE / report font unusable', fallback);
    expect(split).toEqual({ chinese: '请检查 REPORT_FONT_PATH / REPORT_FONT_FACE', english: 'report font unusable' });
  });

  it('splits a gloss written right after a full-width bracket', () => {
    expect(splitUserMessage('format：文件格式须为 "jixiao.dataset/v1"（got "v2"）/ format must be "jixiao.dataset/v1"', fallback)).toEqual({
      chinese: 'format：文件格式须为 "jixiao.dataset/v1"（got "v2"）',
      english: 'format must be "jixiao.dataset/v1"',
    });
  });

  it('leaves Chinese alone: units with a slash, groups named with " / ", numbers after a slash', () => {
    for (const text of ['≤3.2 元/张 的目标', '在 产出指标 / 数量指标 组新增指标', '已支出 5 / 9', '该目标表尚未计算自评得分']) {
      expect(splitUserMessage(text, fallback)).toEqual({ chinese: text, english: null });
    }
  });

  it('never shows a message without Chinese: the fallback is shown and the English logged', () => {
    expect(splitUserMessage('Unexpected token } in JSON at position 3', fallback)).toEqual({ chinese: fallback, english: 'Unexpected token } in JSON at position 3' });
    expect(splitUserMessage('internal / job failed', fallback)).toEqual({ chinese: fallback, english: 'internal / job failed' });
    expect(splitUserMessage('  ', fallback)).toEqual({ chinese: fallback, english: null });
  });
});
