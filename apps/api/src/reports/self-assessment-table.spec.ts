import { buildSelfAssessmentTable, deviationText, fundingRows, TableRow } from './self-assessment-table';
import { buildEvaluation, departmentSample, projectSample } from './testing/evaluation-samples';

/** The text of the cell starting at (row, col), or undefined. */
function at(rows: readonly TableRow[], row: number, col: number): string | undefined {
  return rows[row]?.cells.find((cell) => cell.col === col)?.text;
}

describe(buildSelfAssessmentTable.name, () => {
  const evaluation = buildEvaluation(projectSample());
  const sut = buildSelfAssessmentTable(evaluation);
  const indicatorRow = (name: string): TableRow => {
    const found = sut.rows.find((row) => row.kind === 'indicator' && row.cells.some((cell) => cell.col === 3 && cell.text === name));
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };
  const cellOf = (name: string, col: number) => indicatorRow(name).cells.find((cell) => cell.col === col)!;

  it('titles a project sheet as the national form and names project, department and unit', () => {
    expect(sut.title).toBe('项目支出绩效自评表');
    expect(sut.subtitle).toBe('（2024年度）');
    expect(at(sut.rows, 0, 0)).toBe('项目名称');
    expect(at(sut.rows, 0, 1)).toBe('医保重点工作经费（610921240000000001）');
    expect(sut.rows[1]!.cells.map((cell) => cell.text)).toEqual(['主管部门', '汉阴县医疗保障局', '实施单位', '汉阴县医疗保障局本级']);
  });

  it('shows the funding block in 万元 with the budget execution score on 年度资金总额', () => {
    const header = sut.rows.find((row) => row.kind === 'funding-header')!;
    expect(header.cells.map((cell) => cell.text)).toEqual(['项目资金\n（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(header.cells[0]!.rowSpan).toBe(5);
    const lines = sut.rows.filter((row) => row.kind === 'funding').map((row) => row.cells.map((cell) => cell.text));
    expect(lines).toEqual([
      ['年度资金总额', '41.00', '41.00', '39.88', '10', '97.26%', '9.73'],
      // the fiscal part is the whole budget, so it spent everything that was spent
      ['其中：当年财政拨款', '41.00', '41.00', '39.88', '—', '97.26%', '—'],
      ['上年结转资金', '', '', '', '—', '', '—'],
      ['其他资金', '', '', '', '—', '', '—'],
    ]);
  });

  it('lists the goals as 预期目标 and generates 实际完成情况 from the results', () => {
    const goals = sut.rows.find((row) => row.kind === 'goals')!;
    expect(goals.cells[0]!.text).toBe(
      '目标1：贯彻执行医疗保障政策，确保全县参保群众依法享受医保待遇。\n' +
        '目标2：监督检查定点医药机构的服务行为和执行医保政策情况，配合市级部门做好打击欺诈骗保专项治理工作。\n' +
        '目标3：保障企业离休干部医疗费报销及时到位。',
    );
    expect(goals.cells[1]!.text).toBe(
      '项目全年预算 41.00 万元，全年执行 39.88 万元，预算执行率 97.26%，得 9.73 分（满分 10 分）。' +
        '设置绩效指标 10 项，完成 7 项，未完成 3 项（其中严重 1 项、轻微 1 项、未填报 1 项）：' +
        '「离休干部医疗费报销及时率」（完成率 98.00%，轻微）、「追回医保基金」（完成率 36.00%，严重）、「医保人员业务水平的提升」（未填报实际完成值）。' +
        '产出指标得 49.00 分（满分 50 分），效益指标得 13.60 分（满分 30 分），满意度指标得 10.00 分（满分 10 分）。' +
        '评价人调整得分 1 项。自评总分 82.33 分，等级为“良”。',
    );
  });

  it('uses a summary written by the unit instead of the generated sentence', () => {
    const table = buildSelfAssessmentTable(evaluation, { completionSummary: '全年完成主要任务。' });
    expect(table.rows.find((row) => row.kind === 'goals')!.cells[1]!.text).toBe('全年完成主要任务。');
  });

  it('merges 一级 and 二级 cells over their indicators, with the group weight on the 一级 label', () => {
    const header = sut.rows[sut.indicatorHeaderRow]!;
    expect(header.cells.map((cell) => cell.text)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(header.cells[0]!.rowSpan).toBe(11); // the header and 10 indicators
    const first = sut.rows[sut.indicatorHeaderRow + 1]!;
    expect(first.cells.slice(0, 3).map((cell) => [cell.text, cell.rowSpan])).toEqual([
      ['产出指标\n（50分）', 5],
      ['数量指标', 2],
      ['服务全县参保群众人数', 1],
    ]);
    // the second 数量 indicator shows neither the 一级 nor the 二级 cell again
    expect(sut.rows[sut.indicatorHeaderRow + 2]!.cells.map((cell) => cell.col)).toEqual([3, 4, 5, 6, 7, 8]);
    const benefit = sut.rows[sut.indicatorHeaderRow + 6]!;
    expect(benefit.cells[0]).toMatchObject({ text: '效益指标\n（30分）', rowSpan: 3 });
    expect(benefit.cells[1]).toMatchObject({ text: '经济效益指标', rowSpan: 1 });
  });

  it('flags an unmet indicator visibly in 实际完成值, with its reason and measures', () => {
    expect(cellOf('追回医保基金', 5)).toMatchObject({ text: '18万元\n未完成（严重）\n完成率 36.00%', tone: 'unmet', bold: true });
    expect(cellOf('追回医保基金', 7).text).toBe('3.60');
    expect(cellOf('追回医保基金', 8).text).toBe('偏差原因：专项检查发现的违规金额少于预期，部分案件尚在核查中\n改进措施：2025 年一季度完成在查案件处理，扩大飞行检查范围');
  });

  it('flags a missing final actual and scores it 0', () => {
    expect(cellOf('医保人员业务水平的提升', 5)).toMatchObject({ text: '未填报（记 0 分）', tone: 'unmet' });
    expect(cellOf('医保人员业务水平的提升', 7).text).toBe('0.00');
    expect(cellOf('医保人员业务水平的提升', 8).text).toBe('未录入年终实际完成值，按 0 分计');
  });

  it('shows an overridden score with the computed score, the reviewer and the reason', () => {
    expect(cellOf('离休干部医疗费报销及时率', 7)).toMatchObject({ text: '9.00', tone: 'override', number: '9.00' });
    expect(cellOf('离休干部医疗费报销及时率', 8).text).toBe(
      '计算得分 9.80，评价人（县医保局审核人）调整为 9.00：2 笔报销超过 30 个工作日办结，按及时率扣 1 分\n' +
        '偏差原因：年末 2 笔异地就医票据补交延迟\n改进措施：与异地经办机构建立票据催办机制',
    );
  });

  it('leaves 偏差原因 empty for a met indicator and shows target, actual, weight and score', () => {
    expect(indicatorRow('服务全县参保群众人数').cells.slice(2).map((cell) => cell.text)).toEqual(['服务全县参保群众人数', '>27万人', '27.35万人', '10', '10.00', '']);
  });

  it('ends with 总分 100, the total and the grade', () => {
    const total = sut.rows[sut.rows.length - 1]!;
    expect(total.kind).toBe('total');
    expect(total.cells.map((cell) => [cell.text, cell.col, cell.colSpan])).toEqual([
      ['总分', 0, 6],
      ['100', 6, 1],
      ['82.33', 7, 1],
      ['评价等级：良', 8, 1],
    ]);
    expect(sut.total).toBe('82.33');
    expect(sut.gradeLabel).toBe('良');
  });

  it('prints 计算时间 in 北京时间, the day in China even after 16:00 UTC', () => {
    expect(sut.notes[sut.notes.length - 1]).toBe('计算时间：2025-01-20 16:00（北京时间）'); // computed 08:00 UTC
    const late = buildSelfAssessmentTable({ ...evaluation, computedAt: '2025-01-20T17:30:00.000Z' });
    expect(late.notes[late.notes.length - 1]).toBe('计算时间：2025-01-21 01:30（北京时间）');
    expect(late.notes.join('\n')).not.toContain('UTC');
  });

  it('covers every grid cell exactly once', () => {
    const taken = new Set<string>();
    sut.rows.forEach((row, r) => {
      for (const cell of row.cells) {
        for (let dr = 0; dr < cell.rowSpan; dr += 1) {
          for (let dc = 0; dc < cell.colSpan; dc += 1) {
            const key = `${r + dr}:${cell.col + dc}`;
            expect(taken.has(key)).toBe(false);
            taken.add(key);
          }
        }
      }
    });
    expect(taken.size).toBe(sut.rows.length * sut.columns.length);
  });

  it('shows every cent with six decimals of 万元 when asked', () => {
    const table = buildSelfAssessmentTable(evaluation, { wanPlaces: 6 });
    expect(table.rows.find((row) => row.kind === 'funding')!.cells[3]!.text).toBe('39.876543');
    expect(() => buildSelfAssessmentTable(evaluation, { wanPlaces: 1 })).toThrow('wanPlaces');
  });
});

describe('department sheet (部门整体支出绩效自评表)', () => {
  const sut = buildSelfAssessmentTable(buildEvaluation(departmentSample()));

  it('has the department title and header, and no project rows', () => {
    expect(sut.title).toBe('部门整体支出绩效自评表');
    expect(sut.sheetName).toBe('部门整体支出绩效自评表');
    expect(sut.rows[0]!.cells.map((cell) => cell.text)).toEqual(['部门（单位）\n名称', '汉阴县医疗保障局', '部门编码', '962']);
    expect(sut.rows.some((row) => row.cells.some((cell) => cell.text === '项目名称'))).toBe(false);
    expect(sut.rows[1]!.cells[0]!.text).toBe('年度预算\n执行情况\n（万元）');
  });

  it('shows the department budget and leaves the unknown parts blank', () => {
    const lines = sut.rows.filter((row) => row.kind === 'funding').map((row) => row.cells.map((cell) => cell.text));
    expect(lines[0]).toEqual(['年度资金总额', '1996.62', '1996.62', '1901.23', '10', '95.22%', '9.52']);
    expect(lines[1]).toEqual(['其中：当年财政拨款', '', '', '', '—', '', '—']);
  });

  it('takes the parts from extras when the caller knows them', () => {
    const table = buildSelfAssessmentTable(buildEvaluation(departmentSample()), {
      funding: { total: { initial: '19500000.00' }, fiscal: { budget: '19966200.00', spent: '19012345.67' } },
    });
    const lines = table.rows.filter((row) => row.kind === 'funding').map((row) => row.cells.map((cell) => cell.text));
    expect(lines[0]!.slice(0, 4)).toEqual(['年度资金总额', '1950.00', '1996.62', '1901.23']);
    expect(lines[1]).toEqual(['其中：当年财政拨款', '1996.62', '1996.62', '1901.23', '—', '95.22%', '—']);
  });

  it('ends with the grade 优 for 97.27', () => {
    expect(sut.rows[sut.rows.length - 1]!.cells.map((cell) => cell.text)).toEqual(['总分', '100', '97.27', '评价等级：优']);
  });
});

describe(fundingRows.name, () => {
  it('derives the fiscal part as total − other and leaves split spending blank', () => {
    const evaluation = buildEvaluation(projectSample());
    evaluation.project = { ...evaluation.project!, amount: { total: '410000.00', fiscal: null, other: '10000.00' } };
    const lines = fundingRows(evaluation);
    expect(lines.map((line) => [line.label, line.budget, line.spent])).toEqual([
      ['年度资金总额', '410000.00', '398765.43'],
      ['其中：当年财政拨款', '400000.00', null],
      ['上年结转资金', null, null],
      ['其他资金', '10000.00', null],
    ]);
  });

  it('knows that a part without money spent nothing', () => {
    const evaluation = buildEvaluation(projectSample());
    evaluation.project = { ...evaluation.project!, amount: { total: '410000.00', fiscal: '410000.00', other: '0.00' } };
    expect(fundingRows(evaluation)[3]).toEqual({ label: '其他资金', initial: '0.00', budget: '0.00', spent: '0.00' });
  });
});

describe(deviationText.name, () => {
  it('asks for the reason and measures of an unmet indicator that has none', () => {
    const evaluation = buildEvaluation(projectSample());
    const indicator = { ...evaluation.indicators.find((i) => i.name === '追回医保基金')!, deviationReason: null, measures: '  ' };
    expect(deviationText(indicator)).toBe('偏差原因：未填写（请补充）\n改进措施：未填写（请补充）');
  });
});
