import { formatShare, formatWan, formatWanExact } from './wan';

describe(formatWan.name, () => {
  it.each([
    ['28320000.00', '2832'],
    ['410000.00', '41'],
    ['19966200.00', '1996.62'],
    ['14946100.00', '1494.61'],
    ['385300.00', '38.53'],
    ['12345.67', '1.2346'], // four places, half-up
    ['0.00', '0'],
    ['-50000.00', '-5'],
  ])('%s 元 is %s 万元', (yuan, wan) => {
    expect(formatWan(yuan)).toBe(wan);
  });

  it.each([null, undefined, '', 'abc'])('shows — for %p', (value) => {
    expect(formatWan(value)).toBe('—');
  });
});

describe(formatShare.name, () => {
  it('gives the share with at most one decimal, half-up', () => {
    expect(formatShare('7080000.00', '28320000.00')).toBe('25%');
    expect(formatShare('1.00', '3.00')).toBe('33.3%');
    expect(formatShare('2.00', '3.00')).toBe('66.7%');
  });

  it('shows — when the whole is zero or missing', () => {
    expect(formatShare('1.00', '0.00')).toBe('—');
    expect(formatShare('1.00', null)).toBe('—');
  });
});

describe('formatWanExact', () => {
  it('keeps every cent', () => {
    expect(formatWanExact('60000.50')).toBe('6.00005');
    expect(formatWanExact('390000.50')).toBe('39.00005');
    expect(formatWanExact('0.01')).toBe('0.000001');
    expect(formatWanExact('410000.00')).toBe('41');
    expect(formatWanExact(null)).toBe('—');
  });
});
