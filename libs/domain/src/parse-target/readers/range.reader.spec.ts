import { OUTPUT, QUALITY, range, read, TIMELINESS } from '../testing/spec-helpers';

describe('range reader (区间)', () => {
  it.each([
    ['6-9 月', range(6, 9, '月')],
    ['80%-90%', range(80, 90, '%')],
    ['80%~90%', range(80, 90, '%')],
    ['80％～90％', range(80, 90, '%')],
    ['80%—90%', range(80, 90, '%')],
    ['80%–90%', range(80, 90, '%')],
    ['80%〜90%', range(80, 90, '%')],
    ['80%--90%', range(80, 90, '%')],
    ['80-90%', range(80, 90, '%')],
    ['80%至90%', range(80, 90, '%')],
    ['80%到90%之间', range(80, 90, '%')],
    ['介于80%和90%之间', range(80, 90, '%')],
    ['6至9个月', range(6, 9, '个月')],
    ['6到9个月', range(6, 9, '个月')],
    ['在 3.5—4.5 万元之间', range(3.5, 4.5, '万元')],
    ['1-2', range(1, 2, null)],
    ['2000-2500人', range(2000, 2500, '人')],
    ['3-5个工作日', range(3, 5, '个工作日')],
    ['±5%', range(-5, 5, '%')],
    ['误差±2%以内', range(-2, 2, '%')],
    ['100±5', range(95, 105, null)],
  ] as const)('reads %j', (raw, expected) => {
    expect(read(raw, OUTPUT)).toEqual({ spec: expected, codes: [] });
  });

  it('swaps reversed bounds and says so', () => {
    expect(read('9-6月', OUTPUT)).toEqual({ spec: range(6, 9, '月'), codes: ['RANGE_REVERSED'] });
  });

  it('warns when the two ends have different units', () => {
    expect(read('80%-90元', OUTPUT)).toEqual({ spec: range(80, 90, '元'), codes: ['RANGE_UNITS_DIFFER'] });
  });

  it('keeps a range of months (6-9 月) a range where the name counts months', () => {
    const months = { level1: '产出指标', level2: null, name: '基金滚存结余可支配月数', fiscalYear: 2024 };
    expect(read('6-9 月', months)).toEqual({ spec: range(6, 9, '月'), codes: [] });
    expect(read('1-3 月', months)).toEqual({ spec: range(1, 3, '月'), codes: [] });
    expect(read('6-9 月', QUALITY)).toEqual({ spec: range(6, 9, '月'), codes: [] });
  });

  it('never reads a period of dates as a range of decimals', () => {
    for (const raw of ['2023.07-2024.01', '2024.1-2024.12', '2024.01-2024.12']) {
      for (const context of [OUTPUT, TIMELINESS, undefined]) {
        expect(read(raw, context).spec.kind).not.toBe('range');
      }
    }
  });
});
