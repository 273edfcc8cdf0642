import { copyField, copyText } from './pg-copy';

describe('COPY text format', () => {
  it('writes NULL as \\N and escapes what would end a field or a row', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N'); // the text \N, not NULL
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('')).toBe('');
    expect(copyField(true)).toBe('true');
    expect(copyField(7)).toBe('7');
    expect(copyField('实际 87.55% ÷ 目标 85% = 103.00%')).toBe('实际 87.55% ÷ 目标 85% = 103.00%');
  });

  it('joins fields with tabs and rows with newlines', () => {
    expect(copyText([['a', null, '1.50'], ['b\tc', '{"k":"v\\n"}', '']])).toBe('a\t\\N\t1.50\nb\\tc\t{"k":"v\\\\n"}\t\n');
    expect(copyText([])).toBe('');
  });
});
