import { GRADE_TAGS, percentText, UNMET_TAGS } from './unmet-labels';

describe('evaluation labels', () => {
  it('shows the rate the domain rounded, as it is', () => {
    expect(percentText('66.67')).toBe('66.67%');
    expect(percentText('100.00')).toBe('100.00%');
    expect(percentText(null)).toBe('—');
    expect(percentText(undefined)).toBe('—');
  });
  it('labels every unmet severity and grade in Chinese', () => {
    expect(Object.values(UNMET_TAGS).map((t) => t.label)).toEqual(['未完成·轻微', '未完成·较大', '未完成·严重', '未填报']);
    expect(Object.values(GRADE_TAGS).map((t) => t.label)).toEqual(['优', '良', '中', '差']);
  });
});
