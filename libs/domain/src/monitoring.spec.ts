import { addLightCounts, countLights, darkestLight, rollUpSpending, secondRoundReasons, spendingLight, spentThrough, sumByMonth } from './monitoring';

describe('spentThrough', () => {
  const months = [
    { month: 1, amount: '100.10' },
    { month: 3, amount: '200.20' },
    { month: 4, amount: '0.01' },
    { month: 12, amount: '999.99' },
  ];
  it.each([
    [1, '100.10'],
    [2, '100.10'],
    [3, '300.30'],
    [4, '300.31'],
    [11, '300.31'],
    [12, '1300.30'],
  ])('sums January to the end of month %i to the cent', (month, expected) => {
    expect(spentThrough(months, month)).toBe(expected);
  });
  it('is 0.00 without spending', () => expect(spentThrough([], 12)).toBe('0.00'));
  it('rejects an amount that is not money', () => expect(() => spentThrough([{ month: 1, amount: '1.234' }], 12)).toThrow('Invalid amount for month 1'));
  it('adds 0.1 + 0.2 exactly', () => expect(spentThrough([{ month: 1, amount: '0.10' }, { month: 2, amount: '0.20' }], 2)).toBe('0.30'));
});

describe('sumByMonth', () => {
  it('adds several projects month by month, sorted', () => {
    expect(
      sumByMonth([
        [{ month: 3, amount: '1.10' }, { month: 1, amount: '5.00' }],
        [{ month: 3, amount: '2.20' }],
        [],
      ]),
    ).toEqual([
      { month: 1, amount: '5.00' },
      { month: 3, amount: '3.30' },
    ]);
  });
});

describe('spendingLight', () => {
  const plan = [
    { month: 6, cumulativeAmount: '600000.00' },
    { month: 12, cumulativeAmount: '1000000.00' },
  ];
  it('compares the spend to the end of the period with the plan at that date', () => {
    const result = spendingLight({ period: 'Q2', budget: '1000000.00', plan, expenditures: [{ month: 2, amount: '300000.00' }, { month: 7, amount: '500000.00' }] });
    expect(result.spent).toBe('300000.00');
    expect(result.planned).toBe('600000.00');
    expect(result.pace).toBe(0.5);
    expect(result.light).toBe('red');
  });
  it('M7 interpolates the plan between June and December', () => {
    const result = spendingLight({ period: 'M7', budget: '1000000.00', plan, expenditures: [{ month: 7, amount: '600000.00' }] });
    // 600000 + (1000000 − 600000) × 1/6 = 666666.67
    expect(result.planned).toBe('666666.67');
    expect(result.light).toBe('green');
  });
  it('uses a linear plan without one', () => {
    const result = spendingLight({ period: 'Q1', budget: '1200.00', plan: [], expenditures: [{ month: 3, amount: '240.00' }] });
    expect(result.planned).toBe('300.00');
    expect(result.pace).toBe(0.8);
    expect(result.light).toBe('green');
  });
});

describe('darkestLight and counts', () => {
  it('red is darkest; blue counts as green', () => {
    expect(darkestLight(['green', 'yellow', null, 'blue'])).toBe('yellow');
    expect(darkestLight(['blue', 'red'])).toBe('red');
    expect(darkestLight(['blue'])).toBe('blue');
    expect(darkestLight(['blue', 'green'])).toBe('blue');
    expect(darkestLight([null, null])).toBeNull();
    expect(darkestLight(['grey', 'green'])).toBe('green');
    expect(darkestLight(['grey', null])).toBe('grey');
    expect(darkestLight([])).toBeNull();
  });
  it('counts every light, and null as none', () => {
    const counts = countLights(['red', 'red', 'blue', null, 'green']);
    expect(counts).toEqual({ red: 2, yellow: 0, green: 1, blue: 1, grey: 0, none: 1 });
    expect(addLightCounts(counts, countLights(['yellow', null, 'grey']))).toEqual({ red: 2, yellow: 1, green: 1, blue: 1, grey: 1, none: 2 });
  });
});

describe('rollUpSpending', () => {
  it('divides the summed spend by the summed plan, to the cent', () => {
    const result = rollUpSpending([
      { planned: '100.00', spent: '30.00' },
      { planned: '0.10', spent: '0.20' },
      { planned: '99.90', spent: '119.80' },
    ]);
    expect(result).toEqual({ planned: '200.00', spent: '150.00', pace: 0.75, light: 'yellow' });
  });
  it('no projects: no light', () => expect(rollUpSpending([])).toEqual({ planned: '0.00', spent: '0.00', pace: null, light: null }));
  it('nothing planned yet: blue when spent, else green', () => {
    expect(rollUpSpending([{ planned: '0.00', spent: '1.00' }]).light).toBe('blue');
    expect(rollUpSpending([{ planned: '0.00', spent: '0.00' }]).light).toBe('green');
  });
});

describe('secondRoundReasons', () => {
  it('asks for the 1–9月 round when nothing was spent by July or a pace deviates by more than 30%', () => {
    expect(
      secondRoundReasons({
        spentThroughJuly: '0.00',
        indicators: [
          { name: '参保人数', pace: 0.69 },
          { name: '知晓率', pace: 0.7 },
          { name: '培训人次', pace: 1.31 },
          { name: '满意度', pace: null },
        ],
      }),
    ).toEqual(['1–7月未发生支出', '「参保人数」1–7月进度偏差 31.00%（滞后，超过 30%）', '「培训人次」1–7月进度偏差 31.00%（超前，超过 30%）']);
  });
  it('needs nothing when spending started and every pace is within 30%', () => {
    expect(secondRoundReasons({ spentThroughJuly: '0.01', indicators: [{ name: 'x', pace: 1.3 }, { name: 'y', pace: 0.7 }] })).toEqual([]);
  });
});
