import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import type { StartEvaluationRunRequest } from '@jixiao/contracts/api/evaluation.contract';
import type { ScoringSchemeResponse, UpdateScoringSchemeRequest } from '@jixiao/contracts/api/scoring-scheme.contract';
import type { SheetKind } from '@jixiao/contracts/api/target-sheet.contract';
import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { Observable, of, throwError } from 'rxjs';
import { EvaluationApi } from '../evaluation/evaluation-api';
import { JobsApi } from '../shared/jobs-api';
import { TargetSheetsApi } from '../target-sheets/target-sheets-api';
import { SchemePage } from './scheme-page';
import { ScoringSchemesApi } from './scoring-schemes-api';
import { SchemePageHarness } from './testing/scheme-page-harness';

const BUREAU = { id: 'b1', code: null, name: '沈丘县财政局', kind: 'finance_bureau' as const };

function scheme(kind: SheetKind, editable: boolean, history: ScoringSchemeResponse['history'] = []): ScoringSchemeResponse {
  const latest = history[0];
  return {
    bureau: BUREAU,
    fiscalYear: 2024,
    kind,
    current: latest ? { id: latest.id, version: latest.version, definition: latest.definition } : { id: null, version: null, definition: structuredClone(NATIONAL_PROJECT_SCHEME) },
    updatedAt: latest?.createdAt ?? null,
    editable,
    history,
  };
}

/** The scheme API as the page uses it: what was sent, and the answers. */
class FakeSchemesApi {
  readonly sent: UpdateScoringSchemeRequest[] = [];
  readonly schemes = new Map<SheetKind, ScoringSchemeResponse>();
  answer: ((body: UpdateScoringSchemeRequest) => Observable<ScoringSchemeResponse>) | null = null;

  constructor(editable: boolean) {
    this.schemes.set('project', scheme('project', editable));
    this.schemes.set('department', scheme('department', editable));
  }

  list() {
    return of([...this.schemes.values()].map(({ history: _history, ...summary }) => summary));
  }

  get(_bureauId: string, _year: number, kind: SheetKind) {
    return of(this.schemes.get(kind)!);
  }

  update(_bureauId: string, _year: number, kind: SheetKind, body: UpdateScoringSchemeRequest) {
    this.sent.push(body);
    if (this.answer) return this.answer(body);
    const saved = scheme(kind, true, [{ id: 'v1', version: 1, definition: body.scheme!, createdAt: '2024-12-31T16:30:00.000Z', createdBy: { id: 'u1', displayName: '沈丘县财政局财政审核人' } }]);
    this.schemes.set(kind, saved);
    return of(saved);
  }
}

describe(SchemePage.name, () => {
  async function setUp(editable = true) {
    const api = new FakeSchemesApi(editable);
    const runs: StartEvaluationRunRequest[] = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: ScoringSchemesApi, useValue: api },
        { provide: TargetSheetsApi, useValue: { fiscalYears: () => of([2024]) } },
        { provide: EvaluationApi, useValue: { startRun: (body: StartEvaluationRunRequest) => (runs.push(body), of({ jobId: 'job-1' })) } },
        { provide: JobsApi, useValue: { job: () => of({ id: 'job-1', state: 'completed', progress: 100, result: { evaluated: 12, blocked: [], skipped: 0 }, error: null }) } },
      ],
    });
    const fixture = TestBed.createComponent(SchemePage);
    const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, SchemePageHarness);
    return { api, runs, page };
  }

  it('lists both kinds of the bureau, the national scheme where none is configured, and opens the first', async () => {
    const { page } = await setUp();
    const rows = await page.getRows();
    expect(rows.map((r) => r.join(' '))).toEqual([
      '沈丘县财政局 项目支出绩效目标表 项目支出绩效自评（财预〔2020〕10号） 未配置（全国方案）',
      '沈丘县财政局 部门整体绩效目标表 项目支出绩效自评（财预〔2020〕10号） 未配置（全国方案）',
    ]);
    expect(await page.getTitle()).toBe('沈丘县财政局 · 2024年 · 项目支出绩效目标表');
    expect(await page.getViewGroups()).toEqual(['产出指标 产出、成本 50', '效益指标 效益 30', '满意度指标 满意 10']);
    expect(await page.getHistory()).toEqual([]);
  });

  it('finance starts the department sheets’ scheme from the preset with 投入管理指标, saves it as version 1, and re-runs the region', async () => {
    const { api, runs, page } = await setUp();
    await page.open(1);
    await page.edit();
    await page.startFrom('department_wide');
    const editor = (await page.editor())!;
    expect((await editor.getGroups()).map((g) => `${g.label} ${g.points}`)).toEqual(['投入管理指标 20', '产出指标 40', '效益指标 30']);
    expect(await page.isSaveEnabled()).toBe(true);
    await page.save();
    expect(api.sent).toEqual([{ baseVersion: null, scheme: DEPARTMENT_WIDE_SCHEME }]);
    expect(await page.getSaved()).toContain('已保存为第 1 版');
    expect(await page.getViewGroups()).toEqual(['投入管理指标 投入 20', '产出指标 产出、成本 40', '效益指标 效益、满意 30']);
    expect((await page.getHistory())[0]).toContain('第 1 版 · 2025/01/01 00:30（北京时间） · 沈丘县财政局财政审核人');
    await page.rerun();
    expect(runs).toEqual([{ fiscalYear: 2024, organizationId: 'b1' }]);
    expect(await page.getRunState()).toContain('已完成');
  });

  it('keeps 保存 disabled while the points do not add up', async () => {
    const { api, page } = await setUp();
    await page.edit();
    const editor = (await page.editor())!;
    await editor.setGroup(0, 'points', '45');
    expect(await editor.getProblems()).toEqual(['预算执行率与各分组分值合计为 95 分，应为 100 分']);
    expect(await page.isSaveEnabled()).toBe(false);
    expect(api.sent).toEqual([]);
  });

  it('keeps what was typed when someone saved in between, and says who', async () => {
    const { api, page } = await setUp();
    api.answer = () =>
      throwError(() => new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: ErrorCode.SCHEME_VERSION_CONFLICT, message: '该评分方案已被张敏于 2025-01-02 09:00（北京时间）修改为第 2 版，请刷新后再修改' } }));
    await page.edit();
    const editor = (await page.editor())!;
    await editor.setName('沈丘县项目支出评分');
    await page.save();
    expect(await page.getSaveError()).toContain('已被张敏于 2025-01-02 09:00（北京时间）修改为第 2 版');
    expect(await page.getSaveError()).toContain('您的修改仍保留在下方');
    expect(await page.editor()).not.toBeNull();
  });

  it('shows the scheme read-only to whoever may not change it', async () => {
    const { page } = await setUp(false);
    expect(await page.canEdit()).toBe(false);
    expect(await page.getViewGroups()).toHaveLength(3);
  });
});
