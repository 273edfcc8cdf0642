import { pgArrayLiteral, textBytes } from './pg-array';

describe(pgArrayLiteral.name, () => {
  it('quotes every element and writes null and undefined as NULL', () => {
    expect(pgArrayLiteral(['7.15', null, '0.95', undefined])).toBe('{"7.15",NULL,"0.95",NULL}');
    expect(pgArrayLiteral([true, false, 12])).toBe('{"true","false","12"}');
    expect(pgArrayLiteral([])).toBe('{}');
  });

  it('keeps text that would otherwise read as something else: the word NULL, an empty string, commas, braces, spaces', () => {
    expect(pgArrayLiteral(['NULL', '', 'a,b', '{x}', ' padded '])).toBe('{"NULL","","a,b","{x}"," padded "}');
  });

  it('escapes quotes and backslashes, and leaves Chinese text and other characters as they are', () => {
    expect(pgArrayLiteral(['权重 7.15 × 完成率 "95.24%"', 'C:\\path\\', '\\"'])).toBe('{"权重 7.15 × 完成率 \\"95.24%\\"","C:\\\\path\\\\","\\\\\\""}');
  });
});

describe('textBytes', () => {
  it('is the UTF-8 bytes of the text, Chinese and escapes included', () => {
    const text = pgArrayLiteral(['产出指标 50 分平均分配给 7 项 = 7.14', 'a"b\\c', null]);
    const bytes = textBytes(text);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.length).toBe(Buffer.byteLength(text));
    expect(bytes.toString('utf8')).toBe(text);
  });
});
