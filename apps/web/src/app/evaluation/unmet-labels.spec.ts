import { formatRate, GRADE_TAGS, UNMET_TAGS } from './unmet-labels';

describe('evaluation labels', () => {
  it('shows rates with two decimals, never rounding up to 100%', () => {
    expect(formatRate(0.944444)).toBe('94.44%');
    expect(formatRate(0.99999)).toBe('99.99%');
    expect(formatRate(1)).toBe('100.00%');
    expect(formatRate(0.5556)).toBe('55.56%');
    expect(formatRate(null)).toBe('—');
  });
  it('labels every unmet severity and grade in Chinese', () => {
    expect(Object.values(UNMET_TAGS).map((t) => t.label)).toEqual(['未完成·轻微', '未完成·较大', '未完成·严重', '未填报']);
    expect(Object.values(GRADE_TAGS).map((t) => t.label)).toEqual(['优', '良', '中', '差']);
  });
});
