import Big from 'big.js';
import {
  checkAmountParts,
  isWithinMoneyLimit,
  MAX_MONEY,
  MAX_MONEY_TEXT,
  checkBudgetParts,
  budgetPartsRefusal,
  addMoney,
  compareMoney,
  formatMoney,
  isMoney,
  isNonNegativeMoney,
  SIGNED_WIRE_MONEY_PATTERN,
  WIRE_MONEY_PATTERN,
  formatMoneyRate,
  moneyRate,
  moneyRatio,
  moneyToBig,
  multiplyMoney,
  parseMoney,
  splitEvenlyCumulative,
  subtractMoney,
  sumMoney,
  wanToYuan,
  yuanToWan,
} from './money';

describe(parseMoney.name, () => {
  it('pads an integer amount to two places', () => {
    expect(parseMoney('19966200')).toBe('19966200.00');
  });

  it('pads one decimal to two places', () => {
    expect(parseMoney('12.5')).toBe('12.50');
  });

  it('keeps a negative amount', () => {
    expect(parseMoney('-3.07')).toBe('-3.07');
  });

  it('accepts the largest numeric(18,2) amount', () => {
    expect(parseMoney('9999999999999999.99')).toBe('9999999999999999.99');
  });

  it('writes negative zero as 0.00', () => {
    expect(parseMoney('-0')).toBe('0.00');
  });

  it.each(['', '1.234', '1e5', ' 12', '12,000.00', '12.', '.5', '17位数字12345678901', '12345678901234567', 'abc', '+5'])(
    'rejects the malformed amount %p with a clear message',
    (raw) => {
      expect(() => parseMoney(raw)).toThrow(/Invalid money amount/);
    },
  );

  it('rejects a number passed where a string is expected', () => {
    expect(() => parseMoney(12 as unknown as string)).toThrow('Invalid money amount 12');
  });
});

describe(isMoney.name, () => {
  it('accepts a two-place decimal string', () => {
    expect(isMoney('0.01')).toBe(true);
  });

  it('rejects three decimals', () => {
    expect(isMoney('0.001')).toBe(false);
  });

  it('rejects a JS number', () => {
    expect(isMoney(0.01)).toBe(false);
  });
});

describe(moneyToBig.name, () => {
  it('returns a Big of the amount', () => {
    expect(moneyToBig('1.10').toFixed(2)).toBe('1.10');
  });
});

describe(formatMoney.name, () => {
  it('rounds half-up to the cent', () => {
    expect(formatMoney(new Big('2.345'))).toBe('2.35');
  });

  it('rounds a negative tie away from zero', () => {
    expect(formatMoney(new Big('-2.345'))).toBe('-2.35');
  });

  it('rounds down below the half', () => {
    expect(formatMoney('2.34499')).toBe('2.34');
  });

  it('writes a tiny negative remainder as 0.00', () => {
    expect(formatMoney(new Big('-0.004'))).toBe('0.00');
  });

  it('rejects a non-decimal string', () => {
    expect(() => formatMoney('1e3')).toThrow('Invalid amount "1e3"');
  });
});

describe(addMoney.name, () => {
  it('adds without binary float noise (0.1 + 0.2 = 0.30)', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30');
  });

  it('adds a negative amount', () => {
    expect(addMoney('100.00', '-0.01')).toBe('99.99');
  });
});

describe(subtractMoney.name, () => {
  it('subtracts to a negative amount', () => {
    expect(subtractMoney('1.00', '1.01')).toBe('-0.01');
  });
});

describe(sumMoney.name, () => {
  it('sums quarterly spending exactly', () => {
    expect(sumMoney(['4991550.00', '4991550.00', '4991550.00', '4991550.00'])).toBe('19966200.00');
  });

  it('returns 0.00 for an empty list', () => {
    expect(sumMoney([])).toBe('0.00');
  });

  it('sums ten cents ten times to exactly 1.00', () => {
    expect(sumMoney(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
  });

  it('rejects a malformed member', () => {
    expect(() => sumMoney(['1.00', 'x'])).toThrow('Invalid money amount "x"');
  });
});

describe(compareMoney.name, () => {
  it('returns -1 when a < b', () => {
    expect(compareMoney('1.00', '1.01')).toBe(-1);
  });

  it('returns 0 for equal amounts written differently', () => {
    expect(compareMoney('1.1', '1.10')).toBe(0);
  });

  it('returns 1 when a > b', () => {
    expect(compareMoney('10.00', '9.99')).toBe(1);
  });
});

describe(moneyRatio.name, () => {
  it('computes a budget execution rate', () => {
    expect(moneyRatio('18000000.00', '20000000.00')).toBe(0.9);
  });

  it('returns null for a zero divisor', () => {
    expect(moneyRatio('5.00', '0.00')).toBeNull();
  });

  it('returns 0 for a zero dividend', () => {
    expect(moneyRatio('0.00', '5.00')).toBe(0);
  });
});

describe(wanToYuan.name, () => {
  it('converts 1996.62 万元 to 19966200.00 元', () => {
    expect(wanToYuan('1996.62')).toBe('19966200.00');
  });

  it('keeps 万元 precision down to the cent (6 decimals)', () => {
    expect(wanToYuan('0.000001')).toBe('0.01');
  });

  it('rounds sub-cent 万元 amounts half-up', () => {
    expect(wanToYuan('0.0000005')).toBe('0.01');
  });

  it('rejects a non-decimal', () => {
    expect(() => wanToYuan('41万')).toThrow('Invalid 万元 amount "41万"');
  });
});

describe(yuanToWan.name, () => {
  it('converts 19966200.00 元 to 1996.62 万元', () => {
    expect(yuanToWan('19966200.00')).toBe('1996.62');
  });

  it('rounds half-up at two places by default', () => {
    expect(yuanToWan('12345.00')).toBe('1.23');
    expect(yuanToWan('12350.00')).toBe('1.24');
  });

  it('honours the number of places', () => {
    expect(yuanToWan('12345.67', 4)).toBe('1.2346');
    expect(yuanToWan('12345.67', 0)).toBe('1');
  });

  it('writes a tiny negative amount without a minus sign', () => {
    expect(yuanToWan('-1.00')).toBe('0.00');
  });

  it('rejects invalid places', () => {
    expect(() => yuanToWan('1.00', -1)).toThrow('Invalid number of decimal places: -1');
  });
});

describe(multiplyMoney.name, () => {
  it('takes 30% of an amount', () => {
    expect(multiplyMoney('19966200.00', '0.3')).toBe('5989860.00');
  });

  it('rounds the product half-up to the cent', () => {
    expect(multiplyMoney('0.05', '0.5')).toBe('0.03');
  });

  it('rejects a float-looking factor in exponent notation', () => {
    expect(() => multiplyMoney('1.00', '1e-2')).toThrow('Invalid factor "1e-2"');
  });
});

describe(checkAmountParts.name, () => {
  it('accepts parts that add up to the total, to the cent', () => {
    expect(checkAmountParts('120000.00', '100000.00', '20000.00')).toBeNull();
    expect(checkAmountParts('0.30', '0.10', '0.20')).toBeNull(); // 0.1 + 0.2 in floats would not
  });

  it('accepts a missing part: nothing to compare', () => {
    expect(checkAmountParts('120000.00', null, '20000.00')).toBeNull();
    expect(checkAmountParts('120000.00', '100000.00', null)).toBeNull();
  });

  it('names the amounts when the parts do not add up', () => {
    expect(checkAmountParts('120000.00', '100000.00', '10000.00')).toBe('财政资金 100000.00 与其他资金 10000.00 之和不等于资金总额 120000.00');
  });
});

describe(checkBudgetParts.name, () => {
  it('accepts basic + project = total, to the cent (汉阴县医疗保障局 2024)', () => {
    expect(checkBudgetParts('19966200.00', '3424800.00', '16541400.00')).toBeNull();
    expect(checkBudgetParts('0.30', '0.10', '0.20')).toBeNull();
  });

  it('accepts a summary with any of the three missing: nothing to compare', () => {
    expect(checkBudgetParts(null, '3424800.00', '16541400.00')).toBeNull();
    expect(checkBudgetParts('19966200.00', null, '16541400.00')).toBeNull();
    expect(checkBudgetParts('19966200.00', '3424800.00', null)).toBeNull();
  });

  it('names the amounts when the parts do not add up', () => {
    expect(checkBudgetParts('19966200.00', '3424800.00', '16541400.01')).toBe(
      '基本支出 3424800.00 与项目支出 16541400.01 之和不等于部门预算总额 19966200.00',
    );
  });
});

describe(budgetPartsRefusal.name, () => {
  it('keeps the rounding of a 万元 table: whole hundreds of 元, at most 100 元 apart (许昌 2024 as published)', () => {
    expect(budgetPartsRefusal('1844836300.00', '8723100.00', '1836113300.00')).toBeNull(); // 872.31 + 183611.33 = 184483.64 ≠ 184483.63 万元
    expect(budgetPartsRefusal('1000000.00', '400000.00', '600100.00')).toBeNull(); // 100 元 over
    expect(budgetPartsRefusal('1000000.00', '400000.00', '599900.00')).toBeNull(); // 100 元 under
  });

  it('refuses anything else that does not add up, with checkBudgetParts’s reason', () => {
    expect(budgetPartsRefusal('1000000.00', '400000.00', '600200.00')).toBe('基本支出 400000.00 与项目支出 600200.00 之和不等于部门预算总额 1000000.00'); // 200 元
    expect(budgetPartsRefusal('19966200.00', '3424800.00', '16541400.01')).toBe(checkBudgetParts('19966200.00', '3424800.00', '16541400.01')); // not whole hundreds
    expect(budgetPartsRefusal('1000000.50', '400000.00', '600000.00')).not.toBeNull();
  });

  it('accepts what adds up, and a budget with a part missing', () => {
    expect(budgetPartsRefusal('19966200.00', '3424800.00', '16541400.00')).toBeNull();
    expect(budgetPartsRefusal(null, '3424800.00', '16541400.00')).toBeNull();
    expect(budgetPartsRefusal('19966200.00', null, '1.00')).toBeNull();
  });
});

describe('the forms of a valid amount (one definition each)', () => {
  it('isNonNegativeMoney: an amount parseMoney accepts that is not negative', () => {
    expect(['0', '12.5', '410000.00', '9999999999999999.99'].every(isNonNegativeMoney)).toBe(true);
    expect(['-1.00', '1.234', '', 'abc', '1e3', null, 5].some(isNonNegativeMoney)).toBe(false);
  });
  it('WIRE_MONEY_PATTERN: what the API takes, exactly two places; SIGNED_WIRE_MONEY_PATTERN also negative', () => {
    expect(WIRE_MONEY_PATTERN.test('410000.00')).toBe(true);
    expect(WIRE_MONEY_PATTERN.test('410000.0')).toBe(false);
    expect(WIRE_MONEY_PATTERN.test('-1.00')).toBe(false);
    expect(WIRE_MONEY_PATTERN.test('12345678901234567.00')).toBe(false);
    expect(SIGNED_WIRE_MONEY_PATTERN.test('-1.00')).toBe(true);
  });
});

describe('execution rates of money, exact', () => {
  it('moneyRate keeps spent ÷ budget exact; formatMoneyRate shows it half-up to 0.01%', () => {
    expect(moneyRate('390000.50', '410000.00')).toEqual({ numerator: '390000.5', denominator: '410000' });
    expect(formatMoneyRate('390000.50', '410000.00')).toBe('95.12%');
    expect(formatMoneyRate('1.00', '8000.00')).toBe('0.01%'); // 0.0125% → 0.01%
    expect(formatMoneyRate('1.00', '0.00')).toBe('—');
    expect(moneyRate('1.00', '0.00')).toBeNull();
  });
});

describe('the largest accepted amount', () => {
  it('is under 1 万亿元, and 10,000 of them still fit numeric(18,2)', () => {
    expect(MAX_MONEY).toBe('999999999999.99');
    expect(MAX_MONEY_TEXT).toContain('999999999999.99 元');
    const sum = sumMoney(Array.from({ length: 10_000 }, () => MAX_MONEY));
    expect(sum).toBe('9999999999999900.00');
    expect(isMoney(sum)).toBe(true); // 16 integer digits: numeric(18,2)
  });

  it.each([
    ['the maximum', '999999999999.99', true],
    ['zero', '0.00', true],
    ['a negative amount at the maximum (a dataset states its own sums)', '-999999999999.99', true],
    ['one cent more', '1000000000000.00', false],
    ['the largest numeric(18,2)', '9999999999999999.99', false],
    ['a negative amount beyond it', '-1000000000000.00', false],
    ['a malformed amount (the pattern refuses it)', '1e20', true],
    ['not a string', 12, true],
  ])('%s: %s → %s', (_name, value, within) => {
    expect(isWithinMoneyLimit(value)).toBe(within);
  });
});

describe(splitEvenlyCumulative.name, () => {
  it.each([
    ['1200000.00', 4, ['300000.00', '600000.00', '900000.00', '1200000.00']],
    ['100.00', 3, ['33.33', '66.67', '100.00']],
    ['200.00', 3, ['66.67', '133.33', '200.00']],
    ['0.01', 4, ['0.00', '0.01', '0.01', '0.01']],
    ['0.03', 4, ['0.01', '0.02', '0.02', '0.03']],
    ['0.00', 4, ['0.00', '0.00', '0.00', '0.00']],
    ['19966200.00', 4, ['4991550.00', '9983100.00', '14974650.00', '19966200.00']],
    ['1000.10', 4, ['250.03', '500.05', '750.08', '1000.10']],
    ['5', 1, ['5.00']],
  ])('splits %p over %p periods cumulatively', (total, parts, expected) => {
    expect(splitEvenlyCumulative(total, parts)).toEqual(expected);
  });

  it('always ends on the total, never falls, and keeps every share within a cent of the others', () => {
    for (const cents of [1, 2, 3, 7, 99, 100, 101, 12345, 99999, 1000001, 123456789]) {
      for (const parts of [1, 2, 3, 4, 6, 7, 12]) {
        const total = formatMoney(new Big(cents).div(100));
        const plan = splitEvenlyCumulative(total, parts);
        expect(plan).toHaveLength(parts);
        expect(plan.at(-1)).toBe(total);
        const shares = plan.map((amount, i) => subtractMoney(amount, plan[i - 1] ?? '0.00'));
        const smallest = shares.reduce((a, b) => (compareMoney(a, b) <= 0 ? a : b));
        const largest = shares.reduce((a, b) => (compareMoney(a, b) >= 0 ? a : b));
        expect(compareMoney(smallest, '0.00')).toBeGreaterThanOrEqual(0);
        expect(compareMoney(subtractMoney(largest, smallest), '0.01')).toBeLessThanOrEqual(0);
      }
    }
  });

  it('splits the largest amount accepted to the cent', () => {
    const plan = splitEvenlyCumulative(MAX_MONEY, 12);
    expect(plan[0]).toBe('83333333333.33');
    expect(plan[5]).toBe('500000000000.00');
    expect(plan[11]).toBe(MAX_MONEY);
  });

  it.each([
    ['100.00', 0],
    ['100.00', -1],
    ['100.00', 2.5],
    ['-100.00', 4],
    ['1.234', 4],
  ])('refuses %p over %p periods', (total, parts) => {
    expect(() => splitEvenlyCumulative(total, parts)).toThrow();
  });
});
