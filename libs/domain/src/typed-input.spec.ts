import { readTypedAmount, readTypedNumber } from './typed-input';

describe(readTypedNumber.name, () => {
  it.each([
    ['1428', 1428],
    ['1,428', 1428],
    ['1，428', 1428],
    ['１４２８', 1428],
    ['９５．５', 95.5],
    [' 95.5 ', 95.5],
    ['-3', -3],
    ['－3', -3],
    ['+2', 2],
    ['0', 0],
  ])('reads %p as %p', (text, value) => expect(readTypedNumber(text)).toBe(value));

  it.each(['', ' ', 'abc', '1.2.3', '1e5', '95%', '--1', '.5', '5.', null, undefined])('refuses %p', (text) => {
    expect(readTypedNumber(text as string)).toBeNull();
  });
});

describe(readTypedAmount.name, () => {
  it.each([
    ['1234', '1234.00'],
    ['1,234.5', '1234.50'],
    ['１２３４．５０', '1234.50'],
    ['0012', '12.00'],
    ['0', '0.00'],
    ['20万', '200000.00'],
    ['20万元', '200000.00'],
    ['1996.62万', '19966200.00'],
    ['0.000001万元', '0.01'],
    ['1234元', '1234.00'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('reads %p as %p', (text, yuan) => expect(readTypedAmount(text)).toBe(yuan));

  it.each(['', '-5', '1.234', '1e3', '12 万 5', '99999999999999999', '100000000000000万', '0.0000001万', 'abc', null])('refuses %p', (text) => {
    expect(readTypedAmount(text as string)).toBeNull();
  });
});
