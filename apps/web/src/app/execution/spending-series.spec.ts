import { cumulativeByMonth, plannedByMonth, wanNumber } from './spending-series';

describe('spending series', () => {
  it('adds the months up to the cent', () => {
    const series = cumulativeByMonth([{ month: 3, amount: '0.10' }, { month: 1, amount: '0.20' }, { month: 12, amount: '100.00' }]);
    expect(series).toEqual(['0.20', '0.20', '0.30', '0.30', '0.30', '0.30', '0.30', '0.30', '0.30', '0.30', '0.30', '100.30']);
  });
  it('interpolates the plan between checkpoints, and uses a linear plan without one', () => {
    expect(plannedByMonth([{ month: 6, cumulativeAmount: '600.00' }, { month: 12, cumulativeAmount: '1200.00' }], '1200.00').slice(0, 7)).toEqual([
      '100.00', '200.00', '300.00', '400.00', '500.00', '600.00', '700.00',
    ]);
    expect(plannedByMonth([], '1200.00')[2]).toBe('300.00');
    expect(plannedByMonth([{ month: 3, cumulativeAmount: '900.00' }], '1200.00')[11]).toBe('1200.00');
  });
  it('shows 万元 as a number for the chart', () => expect(wanNumber('410000.00')).toBe(41));
});
