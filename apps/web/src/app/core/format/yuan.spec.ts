import { normalizeYuan } from './yuan';

describe(normalizeYuan.name, () => {
  it.each([
    ['1234', '1234.00'],
    ['1234.5', '1234.50'],
    ['1234.56', '1234.56'],
    ['1,234,567.8', '1234567.80'],
    [' 410000 ', '410000.00'],
    ['007', '7.00'],
    ['0', '0.00'],
  ])('%p is %p', (typed, yuan) => {
    expect(normalizeYuan(typed)).toBe(yuan);
  });

  it.each(['', 'abc', '-5', '1.234', '12万', '1.'])('rejects %p', (typed) => {
    expect(normalizeYuan(typed)).toBeNull();
  });
});
