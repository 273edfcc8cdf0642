import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { extractPdfText } from '../../apps/api/src/reports/testing/pdf-text';
import { readZipEntry } from '../../apps/api/src/reports/testing/zip';
import { startTestApp, TestApp } from '../support/test-app';
import { transitionBody } from '../support/acknowledgements';

const PROJECT = '医保重点工作经费'; // 汉阴: budget 410000.00, 9 indicators

/** Collects a binary answer into a Buffer. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('self-assessment downloads: 自评表 (.xlsx, .pdf) and the department 自评报告 (.docx)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let sheetId: string;
  let otherSheetId: string;
  let departmentId: string;
  let evaluation: { total: string; gradeLabel: string; indicators: { name: string; score: string }[] };

  const download = (url: string, user: string, query: Record<string, unknown> = {}) =>
    t.http.get(url).query(query).set(as(user)).buffer(true).parse(binary as never);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['hanyin.editor', 'hanyin.reviewer', 'hanyin.viewer', 'hanyin.finance', 'xuchang.finance']) tokens[user] = await t.login(user);
    const projects = (await t.http.get('/api/projects').query({ fiscalYear: 2024 }).set(as('hanyin.editor'))).body as { name: string; sheet: { id: string } }[];
    sheetId = projects.find((p) => p.name === PROJECT)!.sheet.id;
    otherSheetId = projects.find((p) => p.name !== PROJECT)!.sheet.id;
    [{ id: departmentId }] = await t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'department' AND name = '汉阴县医疗保障局'`);

    for (const [user, action] of [['hanyin.editor', 'submit'], ['hanyin.reviewer', 'department_approve'], ['hanyin.finance', 'approve']]) {
      const current = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as(user))).body;
      expect((await t.http.post(`/api/target-sheets/${sheetId}/transitions`).set(as(user)).send(transitionBody(current, action))).status).toBe(200);
    }
    const indicators = (await t.http.get(`/api/target-sheets/${sheetId}`).set(as('hanyin.editor'))).body.indicators as { id: string; name: string }[];
    const id = (name: string) => indicators.find((i) => i.name === name)!.id;
    expect((await t.http.put(`/api/target-sheets/${sheetId}/expenditures`).set(as('hanyin.editor')).send({ expenditures: [{ month: 6, amount: '200000.00' }, { month: 12, amount: '190000.50' }] })).status).toBe(200);
    const finals = [
      { indicatorId: id('服务全县参保群众人数'), actual: { kind: 'number', value: 28 } },
      { indicatorId: id('保障企业离休干部人数'), actual: { kind: 'number', value: 2 } },
      { indicatorId: id('医保报销的合规性'), actual: { kind: 'tier', tier: 'achieved' } },
      // 工作完成时限: no final actual → 未填报
      { indicatorId: id('预算控制数'), actual: { kind: 'number', value: 39 } },
      { indicatorId: id('医保重要政策知晓率'), actual: { kind: 'number', value: 85 }, deviationCategory: 'other', deviationReason: '宣传覆盖不足', measures: '进村入户宣传' },
      { indicatorId: id('医保人员业务水平的提升'), actual: { kind: 'tier', tier: 'achieved' } },
      { indicatorId: id('群众对医保工作的满意度'), actual: { kind: 'number', value: 50 }, deviationCategory: 'staffing', deviationReason: '窗口人员不足', measures: '增设服务窗口' },
      { indicatorId: id('医保工作人员的满意度'), actual: { kind: 'number', value: 96 } },
    ];
    expect((await t.http.put(`/api/target-sheets/${sheetId}/actuals/Y`).set(as('hanyin.editor')).send({ actuals: finals })).status).toBe(200);
    expect((await t.http.post(`/api/target-sheets/${sheetId}/evaluation`).set(as('hanyin.editor'))).status).toBe(200);
    const overridden = await t.http
      .put(`/api/target-sheets/${sheetId}/evaluation/overrides/${id('医保重要政策知晓率')}`)
      .set(as('hanyin.reviewer'))
      .send({ score: '13.00', reason: '宣传材料未覆盖偏远村组，酌情扣分' });
    expect(overridden.status).toBe(200);
    evaluation = overridden.body;
  });
  afterAll(async () => t?.close());

  it('downloads the 自评表 as Excel with the stored scores, the unmet flags and the override', async () => {
    const res = await download(`/api/target-sheets/${sheetId}/self-assessment.xlsx`, 'hanyin.viewer');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${PROJECT}-2024年度绩效自评表.xlsx`)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('项目支出绩效自评表');
    expect(sheet.getCell('A1').value).toBe('项目支出绩效自评表');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(`评价等级：${evaluation.gradeLabel}`);
    expect(cells).toContain(String(Number(evaluation.total)));
    expect(cells).toContain('50%\n未完成（严重）\n完成率 55.56%');
    expect(cells).toContain('未填报（记 0 分）');
    expect(cells.some((text) => text.startsWith('计算得分 14.17，评价人') && text.includes('调整为 13.00：宣传材料未覆盖偏远村组，酌情扣分'))).toBe(true);
    expect(cells).toContain('全年执行数');
    expect(cells).toContain('39'); // 390000.50 元 = 39.00 万元, a number formatted with two places
  });

  it('downloads the same table as PDF, with the Chinese text extractable', async () => {
    const res = await download(`/api/target-sheets/${sheetId}/self-assessment.pdf`, 'hanyin.finance');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(res.body as Buffer);
    expect(text.fragments[0]).toBe('项目支出绩效自评表');
    for (const indicator of evaluation.indicators) expect(text.joined).toContain(indicator.name);
    expect(text.joined).toContain(`评价等级：${evaluation.gradeLabel}`);
  });

  it('downloads the department report as Word, written from the evaluated sheets', async () => {
    const res = await download(`/api/departments/${departmentId}/self-assessment-report.docx`, 'hanyin.reviewer', { fiscalYear: 2024 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = readZipEntry(res.body as Buffer, 'word/document.xml').toString('utf8');
    // the department sheet is not approved in the demo data: a 项目支出 report
    expect(xml).toContain('汉阴县医疗保障局2024年度项目支出绩效自评报告');
    expect(xml).toContain(`${PROJECT}「群众对医保工作的满意度」：年度指标值≥90%，实际完成值50%，完成率 55.56%，属严重偏差`);
    expect(xml).toContain('偏差原因：窗口人员不足。');
    expect(xml).toContain(`${PROJECT}「工作完成时限」：年度指标值2023年全年，未录入年终实际完成值，按 0 分计。偏差原因：未填写，请补充。`);
    expect(xml).toContain(`纳入自评的 1 个项目平均得分 ${evaluation.total} 分`);
  });

  it('answers 404 before a sheet is evaluated and for a year without evaluations', async () => {
    const xlsx = await t.http.get(`/api/target-sheets/${otherSheetId}/self-assessment.xlsx`).set(as('hanyin.viewer'));
    expect({ status: xlsx.status, code: xlsx.body.code }).toEqual({ status: 404, code: 'EVALUATION_NOT_FOUND' });
    const docx = await t.http.get(`/api/departments/${departmentId}/self-assessment-report.docx`).query({ fiscalYear: 2023 }).set(as('hanyin.reviewer'));
    expect({ status: docx.status, code: docx.body.code }).toEqual({ status: 404, code: 'EVALUATION_NOT_FOUND' });
    expect(docx.body.message).toContain('「汉阴县医疗保障局」2023 年度尚无自评结果');
  });

  it('gives other regions and a unit editor nothing of the department, and checks its input', async () => {
    const outsider = await t.http.get(`/api/target-sheets/${sheetId}/self-assessment.pdf`).set(as('xuchang.finance'));
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({ status: 404, code: 'SHEET_NOT_FOUND' });
    for (const user of ['xuchang.finance', 'hanyin.editor']) {
      const docx = await t.http.get(`/api/departments/${departmentId}/self-assessment-report.docx`).query({ fiscalYear: 2024 }).set(as(user));
      expect({ user, status: docx.status, code: docx.body.code }).toEqual({ user, status: 404, code: 'DEPARTMENT_NOT_FOUND' });
    }
    const badYear = await t.http.get(`/api/departments/${departmentId}/self-assessment-report.docx`).query({ fiscalYear: 'x' }).set(as('hanyin.reviewer'));
    expect({ status: badYear.status, code: badYear.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const badId = await t.http.get('/api/target-sheets/not-a-uuid/self-assessment.xlsx').set(as('hanyin.reviewer'));
    expect(badId.status).toBe(400);
  });
});
