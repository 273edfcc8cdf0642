import { isKnownUnit, isMagnitudeOnly, leadingUnit, normalizeUnit, toBaseUnits, unitKind, type UnitKind } from './units';

describe(normalizeUnit.name, () => {
  it.each([
    ['%', '%'],
    ['百分比', '%'],
    ['％', '%'],
    [' 万 元 ', '万元'],
    ['元 / 人 / 年', '元/人/年'],
    ['ｋｍ', 'km'],
    ['个百分点', '个百分点'],
    ['百分比/年', '%/年'],
    ['万人', '万人'],
  ])('normalises %j to %j', (unit, expected) => {
    expect(normalizeUnit(unit)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['   '], ['\u3000']])('returns null for %j', (unit) => {
    expect(normalizeUnit(unit)).toBeNull();
  });
});

describe(unitKind.name, () => {
  const cases: readonly (readonly [string, UnitKind])[] = [
    // money (金额), per something included
    ['元', 'money'],
    ['万元', 'money'],
    ['亿元', 'money'],
    ['千元', 'money'],
    ['百万元', 'money'],
    ['元/张', 'money'],
    ['元/人', 'money'],
    ['元/人/年', 'money'],
    ['元/人/月', 'money'],
    ['元/台/年', 'money'],
    ['万元/批次', 'money'],
    ['万元/年', 'money'],
    ['元/次', 'money'],
    ['元/天', 'money'],
    [' 万 元 ', 'money'],
    // compound units with a separator inside a segment (per person and month)
    ['元/人·月', 'money'],
    ['元/人*月', 'money'],
    ['元/人×月', 'money'],
    ['元/人・月', 'money'],
    ['元/人.月', 'money'],
    ['元/人•月', 'money'],
    ['元/(人·月)', 'money'],
    ['万元/人·年', 'money'],
    // percent (百分比)
    ['%', 'percent'],
    ['％', 'percent'],
    ['百分比', 'percent'],
    ['百分点', 'percent'],
    ['个百分点', 'percent'],
    ['‰', 'percent'],
    // count (数量)
    ['人', 'count'],
    ['万人', 'count'],
    ['人次', 'count'],
    ['万人次', 'count'],
    ['家', 'count'],
    ['个', 'count'],
    ['件', 'count'],
    ['次', 'count'],
    ['户', 'count'],
    ['份', 'count'],
    ['张', 'count'],
    ['卷', 'count'],
    ['台', 'count'],
    ['批次', 'count'],
    ['名', 'count'],
    ['项', 'count'],
    ['个村', 'count'],
    ['个项目', 'count'],
    ['个乡镇', 'count'],
    ['次/年', 'count'],
    ['人/年', 'count'],
    ['人次/年', 'count'],
    ['起', 'count'],
    ['人·次', 'count'],
    // time (时间)
    ['天', 'time'],
    ['日', 'time'],
    ['小时', 'time'],
    ['分钟', 'time'],
    ['月', 'time'],
    ['个月', 'time'],
    ['年', 'time'],
    ['工作日', 'time'],
    ['个工作日', 'time'],
    ['周', 'time'],
    ['季度', 'time'],
    ['天/年', 'time'],
    // ratio (倍数)
    ['倍', 'ratio'],
    // other: scores, physical measures, a bare magnitude, unknown words
    ['分', 'other'],
    ['公里', 'other'],
    ['千克', 'other'],
    ['千米', 'other'],
    ['平方米', 'other'],
    ['吨', 'other'],
    ['万', 'other'],
    ['万/次', 'other'],
    ['万/年', 'other'],
    ['abc', 'other'],
    ['个以上', 'other'],
    ['定点医药机构', 'other'],
  ];

  it.each(cases)('classifies %j as %s', (unit, kind) => {
    expect(unitKind(unit)).toBe(kind);
  });

  it.each([[null], [undefined], [''], [' ']])('returns null for no unit (%j)', (unit) => {
    expect(unitKind(unit)).toBeNull();
  });

  it('tells a head count from an amount of money, as the review rules need', () => {
    expect(unitKind('万人')).not.toBe(unitKind('万元'));
    expect(unitKind('%')).not.toBe(unitKind('分钟'));
  });
});

describe(isKnownUnit.name, () => {
  it.each([
    '元', '万元', '元/人/年', '万/次', '万', '人次', '个工作日', '%', '百分比', '个村', '倍', '分', '元/人·月', '元/人*月',
    '元/人×月', '元/人・月', '元/人.月', '元/（人·月）', '人次/年', '元/生·年', '万亩', '万吨', '元/万人',
  ])(
    'knows %j',
    (unit) => {
      expect(isKnownUnit(unit)).toBe(true);
    },
  );

  it.each([null, '', 'abc', '元/', '/次', '元/abc', '家定点医药机构', '个以上', '元/人·', '元·', '·月', '元/人·abc', '元/(人·月', '元/()', '(元)', '元/万'])('does not know %j', (unit) => {
    expect(isKnownUnit(unit)).toBe(false);
  });
});

describe(isMagnitudeOnly.name, () => {
  it.each([
    ['万', true],
    ['万/次', true],
    ['万/年', true],
    ['亿', true],
    ['万元', false],
    ['万人', false],
    ['元', false],
    [null, false],
  ] as const)('%j → %s', (unit, expected) => {
    expect(isMagnitudeOnly(unit)).toBe(expected);
  });
});

describe(leadingUnit.name, () => {
  it.each([
    ['人以上', '人'],
    ['人次', '人次'],
    ['万人', '万人'],
    ['元/人/年', '元/人/年'],
    ['元/人/年左右', '元/人/年'],
    ['小时内', '小时'],
    ['个工作日内', '个工作日'],
    ['个月', '个月'],
    ['家定点医药机构', '家'],
    ['个县区以上', '个县区'],
    ['%(含)', '%'],
    ['万/次', '万/次'],
    ['元/人·月以内', '元/人·月'],
    ['元/人*月', '元/人*月'],
    ['元/人×月左右', '元/人×月'],
    ['元/人.月', '元/人.月'],
    ['元/人·', '元/人'],
    ['人次/年以上', '人次/年'],
  ])('finds %j at the start of %j', (text, expected) => {
    expect(leadingUnit(text)).toBe(expected);
  });

  it.each(['', 'abc', '以上', '(含)'])('finds nothing in %j', (text) => {
    expect(leadingUnit(text)).toBeNull();
  });
});

describe(toBaseUnits.name, () => {
  it.each([
    [26, '万人', 260000, '人'],
    [1996.62, '万元', 19966200, '元'],
    [1996.62, ' 万 元 ', 19966200, '元'],
    [1.5, '亿元', 150000000, '元'],
    [0.1, '万元', 1000, '元'],
    [2.1, '万元/批次', 21000, '元/批次'],
    [6, '万元/年', 60000, '元/年'],
    [3, '千人', 3000, '人'],
    [35, '万', 350000, null],
    [10, '万/次', 100000, '/次'],
    [26, '万人次', 260000, '人次'],
    [3.2, '元/张', 3.2, '元/张'],
    [1.2, '万元/人·年', 12000, '元/人·年'],
    [300, '元/人·月', 300, '元/人·月'],
    [3, '万亩', 30000, '亩'],
    [95, '百分比', 95, '%'],
    [95, '%', 95, '%'],
    [3, '千克', 3, '千克'],
    [5, '千米', 5, '千米'],
    [24, '小时', 24, '小时'],
    [4, null, 4, null],
  ] as const)('%d %j → %d %j', (value, unit, expectedValue, expectedUnit) => {
    expect(toBaseUnits(value, unit)).toEqual({ value: expectedValue, unit: expectedUnit });
  });

  it('lets two amounts written in different units be compared', () => {
    const cap = toBaseUnits(1996.62, '万元');
    const budget = toBaseUnits(19966200, '元');
    expect(cap.unit).toBe(budget.unit);
    expect(cap.value).toBe(budget.value);
  });

  it('avoids binary noise on decimal amounts', () => {
    expect(toBaseUnits(303.25821, '万元').value).toBe(3032582.1);
    expect(toBaseUnits(0.07, '万元').value).toBe(700);
  });
});
