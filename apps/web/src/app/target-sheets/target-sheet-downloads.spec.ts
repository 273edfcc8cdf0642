import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { downloadTarget, TargetSheetDownloads } from './target-sheet-downloads';

describe(downloadTarget.name, () => {
  it('names the API path and the file of each download', () => {
    expect(downloadTarget({ kind: 'sheet', sheetId: 's 1', subject: '医保重点工作经费', fiscalYear: 2024 }, 'pdf')).toEqual({
      url: '/api/target-sheets/s%201/target-sheet.pdf',
      fileName: '医保重点工作经费-2024年度绩效目标表.pdf',
    });
    expect(downloadTarget({ kind: 'pack', departmentId: 'd1', departmentName: '汉阴县医疗保障局', fiscalYear: 2024 }, 'xlsx')).toEqual({
      url: '/api/departments/d1/disclosure-pack.xlsx?fiscalYear=2024',
      fileName: '汉阴县医疗保障局2024年度绩效目标公开表.xlsx',
    });
    expect(downloadTarget({ kind: 'template', fiscalYear: null }, 'xlsx').url).toBe('/api/templates/target-sheet.xlsx');
    expect(downloadTarget({ kind: 'template', fiscalYear: 2025 }, 'xlsx').url).toBe('/api/templates/target-sheet.xlsx?fiscalYear=2025');
  });
});

describe(TargetSheetDownloads.name, () => {
  let backend: HttpTestingController;
  const render = (target: object) => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TargetSheetDownloads);
    fixture.componentRef.setInput('target', target);
    fixture.detectChanges();
    return fixture;
  };
  afterEach(() => backend.verify());

  it('offers 下载公开包 as Excel and PDF and shows the API’s Chinese message when nothing is approved', async () => {
    const fixture = render({ kind: 'pack', departmentId: 'd1', departmentName: '汉阴县医疗保障局', fiscalYear: 2024 });
    const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['下载公开包（Excel）', '下载公开包（PDF）']);
    buttons[1]!.click();
    const request = backend.expectOne('/api/departments/d1/disclosure-pack.pdf?fiscalYear=2024');
    expect(request.request.responseType).toBe('blob');
    const message = '「汉阴县医疗保障局」2024 年度没有已批复的绩效目标表，无法生成公开包';
    request.flush(new Blob([JSON.stringify({ code: 'DISCLOSURE_PACK_EMPTY', message })], { type: 'application/json' }), { status: 409, statusText: 'Conflict' });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the Blob is read asynchronously
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('.download-error')?.textContent).toContain(message);
  });

  it('saves the file under its Chinese name', () => {
    const fixture = render({ kind: 'sheet', sheetId: 's1', subject: '医保重点工作经费', fiscalYear: 2024 });
    const saved: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    try {
      const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
      expect(buttons.map((b) => b.textContent?.trim())).toEqual(['导出 Excel', '导出 PDF']);
      buttons[0]!.click();
      backend.expectOne('/api/target-sheets/s1/target-sheet.xlsx').flush(new Blob(['xlsx']));
      expect(saved).toEqual(['医保重点工作经费-2024年度绩效目标表.xlsx']);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });

  it('offers the template as Excel only', () => {
    const fixture = render({ kind: 'template', fiscalYear: 2024 });
    const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['下载 Excel 模板']);
  });
});
