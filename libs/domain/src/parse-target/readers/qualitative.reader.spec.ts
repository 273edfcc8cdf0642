import { OUTPUT, qualitative, read } from '../testing/spec-helpers';

describe('qualitative reader (定性指标)', () => {
  it.each([
    '全覆盖', '及时', '有效保障', '持续提升', '按上级文件政策执行', '及时准确', '规范合理', '提高', '有所提升', '当面办结',
    '长期', '符合救助条件的对象按规定纳入救助范围', '保证医保基金收支平衡，保证离休基金安全运行', '按时', '达标', '合格',
    '一站式服务', '应保尽保', '无重大安全事故', '显著改善', '逐步完善', '100%覆盖符合条件的人员及家庭成员',
  ])('reads %j', (raw) => {
    const { spec, codes } = read(raw, OUTPUT);
    expect(spec).toEqual(qualitative(raw));
    expect(codes.filter((code) => code !== 'NUMBER_IN_TEXT')).toEqual([]);
  });

  it('keeps the raw text trimmed, not normalised', () => {
    expect(read('  及时 准确 ', OUTPUT).spec).toEqual(qualitative('及时 准确'));
  });

  it.each(['', '   ', '\u3000', '\n\t'])('reads the empty target %j with a warning', (raw) => {
    expect(read(raw, OUTPUT)).toEqual({ spec: qualitative(''), codes: ['EMPTY_TARGET'] });
  });

  it.each(['-', '—', '——', '/', '／', '_'])('reads %j, an empty table cell, as empty', (raw) => {
    expect(read(raw, OUTPUT)).toEqual({ spec: qualitative(raw), codes: ['EMPTY_TARGET'] });
  });
});
