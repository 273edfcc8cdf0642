import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpErrorResponse } from '@angular/common/http';
import { provideRouter } from '@angular/router';
import type { Role } from '@jixiao/contracts/api/auth.contract';
import type { ImportCommitResponse, ImportPreviewResponse } from '@jixiao/contracts/api/imports.contract';
import { parseTarget } from '@jixiao/domain';
import { Observable, of, throwError } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { departmentNote, originLabel, wanText } from './import-preview-view';
import { ImportPage, sourceOfFile, typedYear } from './import-page';
import { ImportsApi } from './imports-api';
import { ImportPageHarness } from './testing/import-page-harness';

const indicator = (name: string, target: string) => {
  const parsed = parseTarget(target, { level1: '产出指标', level2: '数量指标', name, fiscalYear: 2024 });
  return { level1: '产出指标', level2: '数量指标', name, target, spec: parsed.spec, warnings: parsed.warnings };
};

const PREVIEW: ImportPreviewResponse = {
  previewId: 'p-1', source: 'target-sheets', expiresAt: '2026-11-30T00:00:00.000Z', committable: true, blockers: [],
  problems: [{ code: 'FORMULA_WITHOUT_VALUE', message: '单元格 E7 是公式，未读取', severity: 'error', tab: '表14-2', row: 7, column: 'E' }],
  datasets: [{
    fiscalYear: 2024, region: '汉阴县', mayImport: true, units: [],
    department: { code: null, name: '汉阴县医疗保障局', id: null },
    sheets: [
      {
        sheet: 0, kind: 'project', name: '医疗救助资金', code: null, unitCode: null, amountTotal: '1500000.00',
        origin: { sheet: 0, tab: '表14-1', row: 4 }, exists: false, existingSheetId: null,
        indicators: [indicator('救助人次', '≥5000人次'), { ...indicator('救助覆盖', '5000'), warnings: [{ code: 'OP_INFERRED', message: '未写比较符，按“≥”理解' }] }],
        findings: [{ code: 'MISSING_LEVEL1', severity: 'warning', indicatorIndex: null, indicatorName: null, message: '缺少效益指标' }],
      },
      {
        sheet: 1, kind: 'project', name: '医保经办经费', code: null, unitCode: null, amountTotal: '200000.00',
        origin: { sheet: 1, tab: '表14-2', row: 4 }, exists: true, existingSheetId: 's-9',
        indicators: [indicator('经办业务量', '≥1万笔')], findings: [],
      },
    ],
  }],
} as unknown as ImportPreviewResponse;

const COMMITTED: ImportCommitResponse = {
  previewId: 'p-1', createdCount: 1, existingCount: 1,
  datasets: [{ departmentId: 'd-1', departmentName: '汉阴县医疗保障局', fiscalYear: 2024, sheets: [
    { sheet: 0, kind: 'project', name: '医疗救助资金', code: null, outcome: 'created', sheetId: 's-1', projectId: 'p1', indicatorCount: 2 },
    { sheet: 1, kind: 'project', name: '医保经办经费', code: null, outcome: 'exists', sheetId: 's-9', projectId: 'p2', indicatorCount: 1 },
  ] }],
};

class FakeApi {
  readonly calls: unknown[][] = [];
  previewAnswer: Observable<ImportPreviewResponse> = of(PREVIEW);
  previewFile(...args: unknown[]) { this.calls.push(['file', ...args]); return this.previewAnswer; }
  previewText(...args: unknown[]) { this.calls.push(['text', ...args]); return this.previewAnswer; }
  commit(...args: unknown[]) { this.calls.push(['commit', ...args]); return of(COMMITTED); }
}

@Component({ imports: [ImportPage], template: `<jx-import-page />` })
class Host {}

describe(ImportPage.name, () => {
  async function setUp(role: Role = 'finance_reviewer') {
    const api = new FakeApi();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: ImportsApi, useValue: api },
        { provide: AuthStore, useValue: { user: signal({ id: 'u', username: 'x', displayName: 'x', role, organization: null }) } },
      ],
    });
    const fixture = TestBed.createComponent(Host);
    const page = await TestbedHarnessEnvironment.loader(fixture).getHarness(ImportPageHarness);
    const chooseFile = async (file: File) => {
      const input = (fixture.nativeElement as HTMLElement).querySelector('[data-test="file"]') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { api, page, chooseFile };
  }

  it('uploads a workbook, shows each sheet with parsed targets, warnings, findings, problems by 工作表/行/列 and 已存在, commits and links to the drafts', async () => {
    const { api, page, chooseFile } = await setUp();
    expect(await page.isPreviewEnabled()).toBe(false);
    await chooseFile(new File(['PK'], '绩效目标表.xlsx'));
    await page.setYear('２０２４');
    await page.preview();
    expect(api.calls[0]![0]).toBe('file');
    expect(api.calls[0]![1]).toBe('target-sheets');
    expect(api.calls[0]![3]).toEqual({ fiscalYear: 2024, region: undefined });
    expect(await page.summary()).toContain('2 张绩效目标表；1 张已存在');
    expect(await page.sheets()).toEqual([{ name: '医疗救助资金', exists: false }, { name: '医保经办经费', exists: true }]);
    expect(await page.warnings()).toEqual(['未写比较符，按“≥”理解']);
    expect(await page.findings()).toEqual(['提示：缺少效益指标']);
    expect(await page.problemRows()).toEqual([expect.stringMatching(/未读取\s*表14-2\s*7\s*E\s*单元格 E7 是公式/)]);
    expect((await page.departmentNotes())[0]).toContain('确认导入将新建该部门');
    expect(await page.hasRegionField()).toBe(false); // a finance reviewer imports into its own region
    await page.commit();
    expect(api.calls[1]).toEqual(['commit', 'target-sheets', 'p-1']);
    expect(await page.result()).toContain('已导入 1 张草稿，1 张已存在');
    expect(await page.draftLinks()).toEqual([
      { text: '医疗救助资金', href: '/sheets?year=2024&dept=d-1&sheet=s-1' },
      { text: '医保经办经费', href: '/sheets?year=2024&dept=d-1&sheet=s-9' },
    ]);
  });

  it('pastes a published text (the administrator names the region) and sends it to the text route', async () => {
    const { api, page } = await setUp('admin');
    await page.pasteMode();
    await page.paste('2024年项目支出绩效目标表\n项目名称 医疗救助资金');
    expect(await page.hasRegionField()).toBe(true);
    await page.preview();
    expect(api.calls[0]).toEqual(['text', '2024年项目支出绩效目标表\n项目名称 医疗救助资金', { fiscalYear: undefined, region: undefined }]);
    expect(await page.sheetNames()).toEqual(['医疗救助资金', '医保经办经费']);
  });

  it('shows the blockers and keeps 确认导入 disabled when the preview cannot be committed', async () => {
    const { api, page, chooseFile } = await setUp();
    api.previewAnswer = of({ ...PREVIEW, committable: false, datasets: [], blockers: [{ code: 'NOTHING_READ', message: '没有读到任何绩效目标表', dataset: null, errors: [] }] });
    await chooseFile(new File(['{}'], 'dataset.json'));
    await page.preview();
    expect(api.calls[0]![1]).toBe('datasets');
    expect(await page.blockers()).toEqual(['没有读到任何绩效目标表']);
    expect(await page.isCommitEnabled()).toBe(false);
  });

  it('shows the API’s reason when a file is refused', async () => {
    const { api, page, chooseFile } = await setUp();
    api.previewAnswer = throwError(() => new HttpErrorResponse({ status: 415, error: { code: 'XLSX_ENCRYPTED', message: '工作簿已加密，无法读取' } }));
    await chooseFile(new File(['x'], 'secret.xlsx'));
    await page.preview();
    expect(await page.error()).toContain('工作簿已加密');
  });
});

describe('import page helpers', () => {
  it('routes .json files to the dataset import, everything else to the workbook import', () => {
    expect(sourceOfFile('汉阴.JSON')).toBe('datasets');
    expect(sourceOfFile('表.xlsx')).toBe('target-sheets');
    expect(sourceOfFile('表.xls')).toBe('target-sheets'); // refused by the API with its reason
  });

  it('reads a typed year (full-width digits too), else none', () => {
    expect(typedYear(' 2024 ')).toBe(2024);
    expect(typedYear('２０２５')).toBe(2025);
    expect(typedYear('24')).toBeUndefined();
    expect(typedYear('')).toBeUndefined();
  });

  it('says where a sheet was found, its amount in 万元, and what happens to its department', () => {
    const sheet = PREVIEW.datasets[0]!.sheets[0]!;
    expect(originLabel(sheet)).toBe('工作表「表14-1」第 4 行');
    expect(originLabel({ ...sheet, origin: { sheet: 0, tab: null, row: 12 } })).toBe('文本第 12 行');
    expect(wanText('1500000.00')).toBe('150.00 万元');
    expect(wanText(null)).toBe('未注明');
    const dataset = PREVIEW.datasets[0]!;
    expect(departmentNote(dataset)).toBe('「汉阴县」财政局下没有名为「汉阴县医疗保障局」的部门：确认导入将新建该部门。若该部门已存在但名称不同，请先核对表中的主管部门名称');
    expect(departmentNote({ ...dataset, department: { ...dataset.department, id: 'd-1' } })).toBe('已有部门「汉阴县医疗保障局」：导入到该部门');
  });
});
