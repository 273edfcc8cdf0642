import { isPastedTable, readPastedIndicators, splitClipboardTable } from './pasted-rows';

/** Rows of cells written as Excel puts them on the clipboard (Windows: CRLF after every row). */
const excel = (...rows: string[][]) => rows.map((cells) => cells.join('\t')).join('\r\n') + '\r\n';

describe(splitClipboardTable.name, () => {
  it.each([
    ['CRLF with a final line break', 'a\tb\r\nc\td\r\n', [['a', 'b'], ['c', 'd']]],
    ['LF (macOS Excel, LibreOffice)', 'a\tb\nc\td\n', [['a', 'b'], ['c', 'd']]],
    ['CR alone (old Mac)', 'a\tb\rc\td', [['a', 'b'], ['c', 'd']]],
    ['no final line break', 'a\tb', [['a', 'b']]],
    ['one cell', '95%', [['95%']]],
    ['empty cells kept in place', '\t\tc\t', [['', '', 'c', '']]],
    ['trailing empty columns kept', 'a\tb\t\t\r\n', [['a', 'b', '', '']]],
    ['a blank row in the middle', 'a\r\n\r\nb\r\n', [['a'], [''], ['b']]],
    ['a quoted cell with a line break (Alt+Enter)', '"服务对象\n满意度"\t≥90%\r\n', [['服务对象\n满意度', '≥90%']]],
    ['a quoted cell with CRLF inside', '"第一行\r\n第二行"\tx', [['第一行\r\n第二行', 'x']]],
    ['a quoted cell with a tab inside', '"a\tb"\tc', [['a\tb', 'c']]],
    ['doubled quotes inside a quoted cell', '"""优秀""等级"\t≥95%', [['"优秀"等级', '≥95%']]],
    ['a quote inside an unquoted cell is text', '达到"优"\tx', [['达到"优"', 'x']]],
    ['an empty quoted cell', '""\tx', [['', 'x']]],
    ['empty text', '', []],
  ])('%s', (_, text, rows) => {
    expect(splitClipboardTable(text).rows).toEqual(rows);
    expect(splitClipboardTable(text).unclosed).toEqual([]);
  });

  it('reads a cell whose opening quote never closes as written, and says which row', () => {
    expect(splitClipboardTable('a\tb\r\n"未闭合\tc\r\n')).toEqual({ rows: [['a', 'b'], ['"未闭合', 'c']], unclosed: [2] });
  });
});

describe(isPastedTable.name, () => {
  it.each([
    ['产出指标\t数量指标\t人数\t≥2人', true],
    ['a\r\nb\tc\r\n', true],
    ['≥95%', false],
    ['≥95%\r\n', false],
    ['"两行\n的单元格"', false],
    ['一列\r\n两行\r\n', false],
    ['\t\t≥95%\t', false],
    ['', false],
  ])('%p → %p', (text, table) => expect(isPastedTable(text)).toBe(table));
});

describe(readPastedIndicators.name, () => {
  it('reads 一级, 二级, 三级, 指标值 and 分值 in that order', () => {
    const result = readPastedIndicators(
      excel(['产出指标', '数量指标', '服务参保群众人数', '>27万人', '10'], ['效益指标', '社会效益指标', '群众就医负担', '有所减轻', '20']),
    );
    expect(result).toEqual({
      indicators: [
        { row: 1, level1: '产出指标', level2: '数量指标', name: '服务参保群众人数', target: '>27万人', weight: '10' },
        { row: 2, level1: '效益指标', level2: '社会效益指标', name: '群众就医负担', target: '有所减轻', weight: '20' },
      ],
      problems: [],
      headerRows: [],
    });
  });

  it('carries merged 一级/二级 cells down (Excel writes them in the first row only)', () => {
    const { indicators, problems } = readPastedIndicators(
      excel(
        ['产出指标', '数量指标', '人数', '≥2人'],
        ['', '', '次数', '≥4次'],
        ['', '时效指标', '完成时限', '12月底前'],
        ['', '', '发放时间', '按月'],
        ['满意度指标', '', '满意度', '≥90%'],
        ['', '服务对象满意度指标', '群众满意度', '≥95%'],
      ),
    );
    expect(problems).toEqual([]);
    expect(indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)).toEqual([
      '产出指标/数量指标/人数',
      '产出指标/数量指标/次数',
      '产出指标/时效指标/完成时限',
      '产出指标/时效指标/发放时间',
      '满意度指标//满意度',
      '满意度指标/服务对象满意度指标/群众满意度',
    ]);
  });

  it('joins line breaks inside cells: nothing between Chinese, a space between other words', () => {
    const text = '"产出\n指标"\t"数量\r\n指标"\t"Wi-Fi\ncoverage"\t"≥95%\n（全年）"\r\n';
    expect(readPastedIndicators(text).indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: 'Wi-Fi coverage', target: '≥95%（全年）' });
  });

  it('trims every kind of space and ignores trailing empty columns', () => {
    const { indicators, problems } = readPastedIndicators('\u3000产出指标\u00a0\t 数量指标 \t\u200b人数\t≥2人\t\t\t\r\n');
    expect(problems).toEqual([]);
    expect(indicators).toEqual([{ row: 1, level1: '产出指标', level2: '数量指标', name: '人数', target: '≥2人', weight: null }]);
  });

  it('reads full-width 分值 and 分 after it; a 分值 that is not a number is left out with a remark', () => {
    const { indicators, problems } = readPastedIndicators(
      excel(['产出指标', '数量指标', 'a', '≥1', '１０'], ['产出指标', '数量指标', 'b', '≥1', '7.5分'], ['产出指标', '数量指标', 'c', '≥1', '十分'], ['产出指标', '数量指标', 'd', '≥1', '1000']),
    );
    expect(indicators.map((i) => i.weight)).toEqual(['10', '7.5', null, null]);
    expect(problems).toEqual([
      { code: 'BAD_WEIGHT', row: 3, skipped: false, message: '第 3 行的分值「十分」不是不超过两位小数的非负数，已导入该指标但未填分值。' },
      { code: 'BAD_WEIGHT', row: 4, skipped: false, message: '第 4 行的分值「1000」不是不超过两位小数的非负数，已导入该指标但未填分值。' },
    ]);
  });

  it('keeps a row whose 指标值 is empty (a draft may be partial)', () => {
    expect(readPastedIndicators(excel(['产出指标', '数量指标', '人数', ''])).indicators).toEqual([
      { row: 1, level1: '产出指标', level2: '数量指标', name: '人数', target: '', weight: null },
    ]);
  });

  it('names rows with too few cells, no 一级指标 or no 三级指标, and skips blank rows silently', () => {
    const { indicators, problems } = readPastedIndicators(
      excel(['', '数量指标', '人数', '≥2人'], ['产出指标', '数量指标', '只有三列'], [''], ['\t\t'], ['产出指标', '数量指标', '', '≥1'], ['产出指标', '数量指标', '人数', '≥2人']),
    );
    expect(indicators.map((i) => i.row)).toEqual([6]);
    expect(problems).toEqual([
      { code: 'NO_LEVEL1', row: 1, skipped: true, message: '第 1 行未填写一级指标，上方也没有可沿用的一级指标，未导入。' },
      { code: 'TOO_FEW_CELLS', row: 2, skipped: true, message: '第 2 行只有 3 列，未导入：每行须依次为一级指标、二级指标、三级指标、指标值（分值可选）。' },
      { code: 'NO_NAME', row: 5, skipped: true, message: '第 5 行未填写三级指标名称，未导入。' },
    ]);
  });

  it('names a title row pasted above the table as too few cells', () => {
    const { indicators, problems } = readPastedIndicators(excel(['项目支出绩效目标表'], ['产出指标', '数量指标', '人数', '≥2人']));
    expect(indicators).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.row])).toEqual([['TOO_FEW_CELLS', 1]]);
  });

  it('says which text right of the columns read is ignored', () => {
    const { indicators, problems } = readPastedIndicators(excel(['产出指标', '数量指标', '人数', '≥2人', '10', '按花名册统计']));
    expect(indicators[0]?.weight).toBe('10');
    expect(problems).toEqual([{ code: 'EXTRA_CELLS', row: 1, skipped: false, message: '第 1 行第 6 列起的内容「按花名册统计」不属于可导入的列，已忽略。' }]);
  });

  it('keeps a cell with an unclosed quote as written, with a remark', () => {
    const { indicators, problems } = readPastedIndicators('产出指标\t质量指标\t"优良率\t≥90%\r\n');
    expect(indicators[0]).toMatchObject({ name: '"优良率', target: '≥90%' });
    expect(problems.map((p) => [p.code, p.row, p.skipped])).toEqual([['UNCLOSED_QUOTE', 1, false]]);
  });

  it('skips a header row pasted along, in any of its spellings', () => {
    for (const header of [
      ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['一级指标', '二级指标', '三级指标', '指标值（包含数字及文字描述）', '分值（分）'],
      ['一 级 指 标', '二级指标', '三级指标', '年度指标值', '权重'],
      ['一级', '二级', '三级', '目标值'],
    ]) {
      const result = readPastedIndicators(excel(header, ['产出指标', '数量指标', '人数', '≥2人', '5'].slice(0, header.length)));
      expect(result.headerRows).toEqual([1]);
      expect(result.problems).toEqual([]);
      expect(result.indicators).toEqual([{ row: 2, level1: '产出指标', level2: '数量指标', name: '人数', target: '≥2人', weight: header.length > 4 ? '5' : null }]);
    }
  });

  it('reads the columns a header names: the national layout with 指标性质 and 度量单位, 序号 and 备注 ignored', () => {
    const { indicators, problems, headerRows } = readPastedIndicators(
      excel(
        ['序号', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '备注'],
        ['1', '产出指标', '数量指标', '培训人次', '≥', '500', '人次', '10', ''],
        ['2', '', '质量指标', '合格率', '＝', '100', '%', '10', ''],
        ['3', '', '时效指标', '完成时间', '≤', '2024年12月', '', '5', ''],
        ['4', '效益指标', '社会效益指标', '群众知晓率', '定性', '明显提高', '', '10', ''],
        ['5', '满意度指标', '服务对象满意度指标', '满意度', '≥', '≥90', '%', '10', '抽样'],
      ),
    );
    expect(headerRows).toEqual([1]);
    expect(problems).toEqual([]);
    expect(indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.weight])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥500人次', '10'],
      ['产出指标', '质量指标', '合格率', '＝100%', '10'],
      ['产出指标', '时效指标', '完成时间', '≤2024年12月', '5'],
      ['效益指标', '社会效益指标', '群众知晓率', '明显提高', '10'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '10'],
    ]);
  });

  it('reads a header without a 二级 column', () => {
    const { indicators } = readPastedIndicators(excel(['一级指标', '三级指标', '指标值'], ['产出指标', '人数', '≥2人']));
    expect(indicators).toEqual([{ row: 2, level1: '产出指标', level2: '', name: '人数', target: '≥2人', weight: null }]);
  });

  it('does not take a row of data for a header, nor carry a group across a second header', () => {
    const result = readPastedIndicators(
      excel(['产出指标', '数量指标', '指标值', '≥1'], ['一级指标', '二级指标', '三级指标', '指标值'], ['', '', '人数', '≥2人']),
    );
    expect(result.headerRows).toEqual([2]);
    expect(result.indicators.map((i) => i.name)).toEqual(['指标值']);
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([['NO_LEVEL1', 3]]);
  });

  it('reads LF-only text from LibreOffice and a paste without a final line break alike', () => {
    const lf = readPastedIndicators('产出指标\t数量指标\t人数\t≥2人\n产出指标\t数量指标\t次数\t≥4次');
    expect(lf.indicators.map((i) => i.name)).toEqual(['人数', '次数']);
  });
});
