import { buildDepartmentReport, DepartmentReportInput, formatChineseDate, projectAverage, ReportBlock, ReportDocument, subNumber } from './department-report';
import { renderDepartmentReportDocx, tableColumnWidths } from './department-report-docx';
import { buildEvaluation, departmentSample, HANYIN_DEPARTMENT, projectSample, subsidySample } from './testing/evaluation-samples';
import { readZipEntry, zipEntryNames } from './testing/zip';

function input(overrides: Partial<DepartmentReportInput> = {}): DepartmentReportInput {
  return {
    fiscalYear: 2024,
    department: HANYIN_DEPARTMENT,
    functions: ['贯彻执行国家和省市医疗保障政策，拟订全县医疗保障政策、规划和标准并组织实施。'],
    departmentSheet: buildEvaluation(departmentSample()),
    projectSheets: [buildEvaluation(projectSample()), buildEvaluation(subsidySample())],
    tasks: [
      { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
      { name: '专项业务费', content: '完成医疗保障管理重点工作。', amount: '16541400.00' },
    ],
    finance: { budget: '19966200.00', spent: '19012345.67', departmentBudget: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' } },
    reportDate: '2025-01-20',
    ...overrides,
  };
}

const paragraphs = (report: ReportDocument, heading: string): string[] =>
  report.sections.find((section) => section.heading === heading)!.blocks.filter((block): block is Extract<ReportBlock, { kind: 'paragraph' }> => block.kind === 'paragraph').map((block) => block.text);
const tables = (report: ReportDocument): Extract<ReportBlock, { kind: 'table' }>[] =>
  report.sections.flatMap((section) => section.blocks).filter((block): block is Extract<ReportBlock, { kind: 'table' }> => block.kind === 'table');

describe(buildDepartmentReport.name, () => {
  const sut = buildDepartmentReport(input());

  it('titles the report and lays out the five usual sections', () => {
    expect(sut.title).toBe('汉阴县医疗保障局2024年度部门整体支出绩效自评报告');
    expect(sut.subtitle).toBe('（初稿：由系统根据自评结果生成，请核实补充后定稿）');
    expect(sut.sections.map((section) => section.heading)).toEqual(['一、基本情况', '二、绩效目标完成情况', '三、偏差及原因分析', '四、改进措施及结果应用', '五、自评结论']);
    expect(sut.signature).toEqual(['汉阴县医疗保障局', '2025年1月20日']);
  });

  it('is a 项目支出 report when the department sheet is not evaluated', () => {
    expect(buildDepartmentReport(input({ departmentSheet: null })).title).toBe('汉阴县医疗保障局2024年度项目支出绩效自评报告');
  });

  it('states functions, scope, projects and the budget to the cent of 万元', () => {
    const basic = paragraphs(sut, '一、基本情况');
    expect(basic).toContain('贯彻执行国家和省市医疗保障政策，拟订全县医疗保障政策、规划和标准并组织实施。');
    expect(basic).toContain('2024年度，汉阴县医疗保障局纳入绩效自评的有部门整体支出绩效目标 1 个、项目支出绩效目标 2 个。');
    expect(basic).toContain('本年度纳入自评的项目 2 个，预算合计 1535.61 万元。');
    expect(basic).toContain('1. 医保重点工作经费（41.00 万元），实施单位汉阴县医疗保障局本级：贯彻执行医疗保障政策，监督检查定点医药机构，保障企业离休干部医疗费报销。');
    expect(basic).toContain('年度主要任务：1. 人员经费：发放在职人员工资（329.88 万元）；2. 专项业务费：完成医疗保障管理重点工作（1654.14 万元）。');
    expect(basic).toContain('2024年度部门预算 1996.62 万元，其中基本支出 342.48 万元、项目支出 1654.14 万元。');
    expect(basic).toContain('纳入支出执行监控的预算 1996.62 万元，全年支出 1901.23 万元，预算执行率 95.22%。');
    // 398765.43 + 14946100.00 = 15344865.43 元 → 1534.49 万元; ÷ 15356100.00 = 99.93%
    expect(basic).toContain('纳入自评的 2 个项目预算合计 1535.61 万元，执行 1534.49 万元，执行率 99.93%。');
    expect(tables(sut)[0]).toMatchObject({
      caption: '表1 项目预算执行及自评情况（金额单位：万元）',
      rows: [
        ['1', '医保重点工作经费', '41.00', '39.88', '97.26%', '82.33', '良'],
        ['2', '2024年城乡居民医保基金县级财政补助', '1494.61', '1494.61', '100.00%', '100.00', '优'],
      ],
    });
  });

  it('asks for the functions when none are given, and names the sheets not yet evaluated', () => {
    const basic = paragraphs(buildDepartmentReport(input({ functions: null, pendingSheets: ['医疗救助县级补助资金'] })), '一、基本情况');
    expect(basic[0]).toBe('（请补充汉阴县医疗保障局的主要职能、机构设置和人员情况。）');
    expect(basic).toContain('另有 1 个目标表尚未计算自评得分，未纳入本报告：医疗救助县级补助资金。');
  });

  it('states the whole department budget and all its spending, basic and project, where the rate is of the whole', () => {
    const finance = {
      budget: '19966200.00',
      spent: '18715420.38', // 3199555.05 basic + 15515865.33 project
      departmentBudget: { total: '19966200.00', basic: '3424800.00', project: '16541400.00' },
      spentParts: { basic: '3199555.05', project: '15515865.33' },
    };
    const report = buildDepartmentReport(input({ finance }));
    const basic = paragraphs(report, '一、基本情况');
    expect(basic).toContain('2024年度部门预算 1996.62 万元，其中基本支出 342.48 万元、项目支出 1654.14 万元。');
    // 18715420.38 ÷ 19966200.00 = 93.735…% → 93.74%
    expect(basic).toContain('全年支出 1871.54 万元（基本支出 319.96 万元、项目支出 1551.59 万元），部门预算执行率 93.74%。');
    expect(basic.some((text) => text.includes('纳入支出执行监控的预算'))).toBe(false);
    expect(() => buildDepartmentReport(input({ finance: { ...finance, spentParts: { basic: '3,199,555.05', project: '0.00' } } }))).toThrow('finance.spentParts.basic');
  });

  it('states the budget without a breakdown when the department sheet gives none', () => {
    const basic = paragraphs(buildDepartmentReport(input({ finance: { budget: '15356100.00', spent: '15344865.43' } })), '一、基本情况');
    expect(basic).toContain('2024年度部门预算 1535.61 万元，全年支出 1534.49 万元，预算执行率 99.93%。');
  });

  it('reports completion by sheet and group, with numbers', () => {
    const completion = paragraphs(sut, '二、绩效目标完成情况');
    expect(completion).toContain(
      '共设置绩效指标 10 项，完成 7 项，未完成 3 项（其中严重 1 项、轻微 1 项、未填报 1 项）。全年预算 41.00 万元，执行 39.88 万元，预算执行率 97.26%，得 9.73 分（满分 10 分）。' +
        '按评分方案「项目支出绩效自评（财预〔2020〕10号）」计分。',
    );
    expect(completion).toContain(
      '效益指标：设置 3 项，完成 1 项，得 13.60 分（满分 30 分）。追回医保基金：目标值≥50万元，实际完成值18万元，完成率 36.00%，未完成（严重）；' +
        '医保重要政策知晓率：目标值≥90%，实际完成值92.5%，完成率 102.78%；医保人员业务水平的提升：目标值提升，未录入年终实际完成值，按未完成计 0 分。',
    );
    expect(completion).toContain('共设置绩效指标 6 项，全部完成。全年预算 1494.61 万元，执行 1494.61 万元，预算执行率 100.00%，得 10.00 分（满分 10 分）。按评分方案「项目支出绩效自评（财预〔2020〕10号）」计分。');
    const subheadings = sut.sections[1]!.blocks.filter((block) => block.kind === 'subheading').map((block) => (block as { text: string }).text);
    expect(subheadings).toEqual(['（一）部门整体绩效目标完成情况', '（二）医保重点工作经费绩效目标完成情况', '（三）2024年城乡居民医保基金县级财政补助绩效目标完成情况']);
    const keyWork = tables(sut).find((table) => table.caption === '表3 医保重点工作经费绩效指标完成情况')!;
    expect(keyWork.rows[5]).toEqual(['效益指标', '经济效益指标', '追回医保基金', '≥50万元', '18万元（未完成，严重）', '10', '3.60']);
  });

  it('lists every unmet indicator with its recorded reason, and asks for a missing one', () => {
    expect(paragraphs(sut, '三、偏差及原因分析')).toEqual([
      '本年度共有 4 项绩效指标未完成，逐项分析如下：',
      '1. 部门整体支出「纳入监测范围的农村易返贫致贫人口的参保率」：年度指标值100%，实际完成值85%，完成率 85.00%，属较大偏差，得 12.75 分（分值 15 分）。偏差原因：部分监测对象外出务工，未能及时完成参保登记。',
      '2. 医保重点工作经费「离休干部医疗费报销及时率」：年度指标值=100%，实际完成值98%，完成率 98.00%，属轻微偏差，得 9.00 分（分值 10 分）。偏差原因：年末 2 笔异地就医票据补交延迟。',
      '3. 医保重点工作经费「追回医保基金」：年度指标值≥50万元，实际完成值18万元，完成率 36.00%，属严重偏差，得 3.60 分（分值 10 分）。偏差原因：专项检查发现的违规金额少于预期，部分案件尚在核查中。',
      '4. 医保重点工作经费「医保人员业务水平的提升」：年度指标值提升，未录入年终实际完成值，按 0 分计。偏差原因：未填写，请补充。',
    ]);
  });

  it('explains a budget execution rate under 90% and says when nothing deviates', () => {
    const subsidy = buildEvaluation({ ...subsidySample(), spent: '11210000.50' });
    const report = buildDepartmentReport(input({ departmentSheet: null, projectSheets: [subsidy], finance: { budget: '14946100.00', spent: '11210000.50' } }));
    const deviation = paragraphs(report, '三、偏差及原因分析');
    expect(deviation[0]).toBe('本年度绩效指标均已完成，存在预算执行偏差，逐项分析如下：');
    expect(deviation).toContain('2. 2024年城乡居民医保基金县级财政补助预算执行率 75.00%，低于 90.00%：预算 1494.61 万元，执行 1121.00 万元，未执行 373.61 万元。偏差原因：（请补充）');
    expect(paragraphs(report, '一、基本情况')).toContain('部门预算执行率低于 90.00%，未执行 373.61 万元，原因见第三部分。');

    const clean = buildDepartmentReport(input({ departmentSheet: null, projectSheets: [buildEvaluation(subsidySample())], finance: { budget: '14946100.00', spent: '14946100.00' } }));
    expect(paragraphs(clean, '三、偏差及原因分析')).toEqual(['本年度各项绩效指标均已完成，预算执行率均不低于 90.00%，未发现偏差。']);
  });

  it('gives the recorded measures and the use of the results', () => {
    const measures = paragraphs(sut, '四、改进措施及结果应用');
    expect(measures.slice(0, 4)).toEqual([
      '1. 部门整体支出「纳入监测范围的农村易返贫致贫人口的参保率」：联合乡镇开展上门动员，2025 年集中征缴期前完成补登。',
      '2. 医保重点工作经费「离休干部医疗费报销及时率」：与异地经办机构建立票据催办机制。',
      '3. 医保重点工作经费「追回医保基金」：2025 年一季度完成在查案件处理，扩大飞行检查范围。',
      '4. 医保重点工作经费「医保人员业务水平的提升」：尚未填写改进措施，请补充。',
    ]);
    expect(measures[4]).toMatch(/^1\. 将本次自评结果作为2025年度预算安排和绩效目标编制的重要依据，对「纳入监测范围的农村易返贫致贫人口的参保率」、/);
  });

  it('concludes with the department score and grade, the project average, overrides and a summary table', () => {
    const conclusion = paragraphs(sut, '五、自评结论');
    expect(conclusion).toEqual([
      '经自评，汉阴县医疗保障局2024年度部门整体支出绩效自评得分 97.27 分，等级为“优”。',
      // (82.33 + 100.00) ÷ 2 = 91.165 → 91.17 (half-up)
      '纳入自评的 2 个项目平均得分 91.17 分，其中“优” 1 个、“良” 1 个。',
      '评价人调整得分 1 项：医保重点工作经费「离休干部医疗费报销及时率」计算得分 9.80，调整为 9.00，理由：2 笔报销超过 30 个工作日办结，按及时率扣 1 分。',
    ]);
    const summary = tables(sut)[tables(sut).length - 1]!;
    expect(summary.caption).toBe('表5 自评结果汇总');
    expect(summary.rows.map((row) => row.slice(0, 4))).toEqual([
      ['部门整体支出', '95.22%', '97.27', '优'],
      ['医保重点工作经费', '97.26%', '82.33', '良'],
      ['2024年城乡居民医保基金县级财政补助', '100.00%', '100.00', '优'],
    ]);
    expect(summary.rows[2]![4]).toBe('无');
  });

  it('refuses sheets of another department or year', () => {
    const other = { ...buildEvaluation(projectSample()), department: { ...HANYIN_DEPARTMENT, id: 'other' } };
    expect(() => buildDepartmentReport(input({ projectSheets: [other] }))).toThrow('不属于 汉阴县医疗保障局');
    expect(() => buildDepartmentReport(input({ fiscalYear: 2025 }))).toThrow('不是 2025 年度');
    expect(() => buildDepartmentReport(input({ finance: { budget: '1.5e6', spent: '0.00' } }))).toThrow('finance.budget');
    expect(() => buildDepartmentReport(input({ finance: { budget: '0.00', spent: '0.00', departmentBudget: { total: '12,00', basic: null, project: null } } }))).toThrow('finance.departmentBudget.total');
  });
});

describe('report helpers', () => {
  it('numbers, dates and averages', () => {
    expect([subNumber(0), subNumber(9), subNumber(10)]).toEqual(['（一）', '（十）', '（十一）']);
    expect(formatChineseDate('2025-01-20')).toBe('2025年1月20日');
    expect(() => formatChineseDate('20.1.2025')).toThrow('YYYY-MM-DD');
    expect(projectAverage([])).toBe('—');
  });
});

describe(renderDepartmentReportDocx.name, () => {
  it('writes a .docx that opens as a Word document with the generated text and tables', async () => {
    const report = buildDepartmentReport(input());
    const docx = await renderDepartmentReportDocx(report);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zipEntryNames(docx)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = readZipEntry(docx, 'word/document.xml').toString('utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    for (const text of [
      '汉阴县医疗保障局2024年度部门整体支出绩效自评报告',
      '一、基本情况',
      '五、自评结论',
      '（二）医保重点工作经费绩效目标完成情况',
      '3. 医保重点工作经费「追回医保基金」：年度指标值≥50万元，实际完成值18万元，完成率 36.00%，属严重偏差',
      '经自评，汉阴县医疗保障局2024年度部门整体支出绩效自评得分 97.27 分，等级为“优”。',
      '表5 自评结果汇总',
      '2025年1月20日',
    ]) {
      expect(xml).toContain(text);
    }
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(tables(report).length);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:tblHeader/>');
    const footers = zipEntryNames(docx).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBe(1);
    expect(readZipEntry(docx, footers[0]!).toString('utf8')).toContain('PAGE');
  });

  it('sizes table columns by their text and fills the text width of the page', () => {
    const table = tables(buildDepartmentReport(input())).find((block) => block.caption === '表3 医保重点工作经费绩效指标完成情况')!;
    const widths = tableColumnWidths(table);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(Math.floor((156 / 25.4) * 1440));
    const [, , name, , , weight] = widths;
    expect(name!).toBeGreaterThan(weight! * 3);
  });

  it('escapes markup characters in user text', async () => {
    const report = buildDepartmentReport(input({ functions: ['负责 <医保> & "基金" 监管'] }));
    const xml = readZipEntry(await renderDepartmentReportDocx(report), 'word/document.xml').toString('utf8');
    expect(xml).toContain('负责 &lt;医保&gt; &amp; &quot;基金&quot; 监管');
  });
});
