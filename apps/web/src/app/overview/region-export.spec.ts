import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_POLL_MS, RegionExport, sizeText } from './region-export';

const ZIP = '神木市2024年度绩效自评表.zip';

describe(RegionExport.name, () => {
  let backend: HttpTestingController;
  const render = () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RegionExport);
    fixture.componentRef.setInput('year', 2024);
    fixture.detectChanges();
    return fixture;
  };
  const text = (fixture: { nativeElement: HTMLElement }, selector: string) => fixture.nativeElement.querySelector(selector)?.textContent?.trim() ?? null;
  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  it('starts the export, shows the job’s progress, then downloads the zip under its Chinese name', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fixture = render();
    const button = fixture.nativeElement.querySelector('button.export-button') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('导出全部自评表（zip）');
    button.click();
    const start = backend.expectOne({ method: 'POST', url: '/api/exports/self-assessments' });
    expect(start.request.body).toEqual({ fiscalYear: 2024 });
    start.flush({ jobId: 'self-assessments-1' }, { status: 202, statusText: 'Accepted' });

    backend.expectOne('/api/jobs/self-assessments-1').flush({ id: 'self-assessments-1', state: 'active', progress: 40, result: null, error: null });
    fixture.detectChanges();
    vi.advanceTimersByTime(EXPORT_POLL_MS); // the queue busy once: asked again, the progress kept
    backend
      .expectOne('/api/jobs/self-assessments-1')
      .flush({ code: 'JOBS_UNAVAILABLE', message: '后台任务队列（Redis）暂时无法连接，任务未能提交或查询，请稍后重试' }, { status: 503, statusText: 'Service Unavailable' });
    vi.advanceTimersByTime(EXPORT_POLL_MS);
    backend.expectOne('/api/jobs/self-assessments-1').flush({ id: 'self-assessments-1', state: 'active', progress: 40, result: null, error: null });
    fixture.detectChanges();
    expect(text(fixture, '.export-status')).toContain('正在导出');
    expect(fixture.nativeElement.querySelector('nz-progress')?.textContent).toContain('40%');
    expect((fixture.nativeElement.querySelector('button.export-button') as HTMLButtonElement).disabled).toBe(true);

    vi.advanceTimersByTime(EXPORT_POLL_MS);
    backend
      .expectOne('/api/jobs/self-assessments-1')
      .flush({ id: 'self-assessments-1', state: 'completed', progress: 100, result: { fileName: ZIP, bytes: 3 * 1024 * 1024, sheets: 12 }, error: null });
    fixture.detectChanges();
    expect(text(fixture, '.export-done')).toBe('已导出 12 张自评表：');
    expect(text(fixture, 'a.export-download')).toBe(`${ZIP}（3.0 MB）`);
    vi.advanceTimersByTime(EXPORT_POLL_MS * 3);
    backend.expectNone('/api/jobs/self-assessments-1'); // no more polling once done

    const saved: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push(this.download);
      else original.call(this);
    };
    try {
      (fixture.nativeElement.querySelector('a.export-download') as HTMLAnchorElement).click();
      const file = backend.expectOne('/api/exports/self-assessments/self-assessments-1/file');
      expect(file.request.responseType).toBe('blob');
      file.flush(new Blob(['PK']));
      expect(saved).toEqual([ZIP]);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });

  it('shows the API’s Chinese message when nothing is evaluated, and a failed job’s message', () => {
    const fixture = render();
    (fixture.nativeElement.querySelector('button.export-button') as HTMLButtonElement).click();
    const message = '「神木市」2024 年度尚无已评价的绩效目标表，请先计算自评得分再导出';
    backend.expectOne('/api/exports/self-assessments').flush({ code: 'EXPORT_NOTHING_EVALUATED', message }, { status: 409, statusText: 'Conflict' });
    fixture.detectChanges();
    expect(text(fixture, '.export-error')).toBe(message);
    expect((fixture.nativeElement.querySelector('button.export-button') as HTMLButtonElement).disabled).toBe(false);

    (fixture.nativeElement.querySelector('button.export-button') as HTMLButtonElement).click();
    backend.expectOne('/api/exports/self-assessments').flush({ jobId: 'self-assessments-2' });
    backend.expectOne('/api/jobs/self-assessments-2').flush({ id: 'self-assessments-2', state: 'failed', progress: 10, result: null, error: { code: 'REPORT_FONT_MISSING', message: '未找到 PDF 所需的中文字体' } });
    fixture.detectChanges();
    expect(text(fixture, '.export-error')).toBe('未找到 PDF 所需的中文字体');
  });
});

describe(sizeText.name, () => {
  it('gives KB below a megabyte, MB with one place above', () => {
    expect(sizeText(200)).toBe('1 KB');
    expect(sizeText(512 * 1024)).toBe('512 KB');
    expect(sizeText(123.45 * 1024 * 1024)).toBe('123.5 MB');
  });
});
