import { NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentHarness } from '@angular/cdk/testing';
import type { TargetSheetResponse } from '@jixiao/contracts/api/target-sheet.contract';
import { SESSION_STORAGE_KEY } from '../../core/auth/auth-store';
import { contentOf, plainContent, snapshotOfSheet } from './editor-content';
import { DraftOffer } from './draft-offer';
import { EditorDrafts } from './editor-drafts';

const SHEET: TargetSheetResponse = {
  id: 'sheet-1', kind: 'project', fiscalYear: 2024, status: 'draft', version: 1, rowVersion: 3,
  department: { id: 'd', code: null, name: '汉阴县医疗保障局', kind: 'department' },
  project: { id: 'p', code: null, name: '医保重点工作经费', category: null, purpose: null, unit: null, amount: { total: '410000.00', fiscal: null, other: null } },
  goals: ['保障全县参保群众医疗保障待遇'], tasks: [], budget: null, indicators: [], spendingPlan: [], findings: [], acknowledgements: [],
  scheme: { id: null, version: null, definition: NATIONAL_PROJECT_SCHEME },
};

class DraftOfferHarness extends ComponentHarness {
  static hostSelector = 'jx-draft-offer';
  async getText(): Promise<string | null> {
    const alert = await this.locatorForOptional('.draft-offer')();
    return alert === null ? null : (await alert.text()).trim();
  }
  async canResume(): Promise<boolean> {
    return (await this.locatorForOptional('button.resume-draft')()) !== null;
  }
  async resume(): Promise<void> {
    await (await this.locatorFor('button.resume-draft')()).click();
  }
  async discard(): Promise<void> {
    await (await this.locatorFor('button.discard-draft')()).click();
  }
}

@Component({
  imports: [DraftOffer],
  template: `<jx-draft-offer [sheet]="sheet()" [canEdit]="canEdit()" (resumed)="resumes = resumes + 1" />`,
})
class Host {
  readonly sheet = signal(SHEET);
  readonly canEdit = signal(true);
  resumes = 0;
}

describe(DraftOffer.name, () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 't', user: { id: 'u1', username: 'hanyin.editor', displayName: '填报人', role: 'unit_editor', organization: null, mustChangePassword: false } }));
  });
  afterEach(() => localStorage.clear());

  function keep(goals: string[], keptAt?: string): void {
    const content = plainContent(contentOf(SHEET));
    TestBed.inject(EditorDrafts).keep({ userId: 'u1', sheetId: 'sheet-1', rowVersion: 3, base: snapshotOfSheet(SHEET), content: { ...content, goals } });
    if (keptAt !== undefined) {
      const key = 'jixiao.draft:u1:sheet-1';
      localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), keptAt }));
    }
  }

  async function setUp(canEdit = true) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.canEdit.set(canEdit);
    return { host: fixture.componentInstance, offer: await TestbedHarnessEnvironment.loader(fixture).getHarness(DraftOfferHarness) };
  }

  it('shows nothing when nothing is kept', async () => {
    const { offer } = await setUp();
    expect(await offer.getText()).toBeNull();
  });

  it('offers kept work back with when (北京时间) and what it changes; 恢复并继续编辑 opens the editor', async () => {
    keep(['保障全县参保群众医疗保障待遇', '医保政策知晓率不低于90%'], '2024-03-01T02:20:00.000Z');
    const { offer, host } = await setUp();
    const text = await offer.getText();
    expect(text).toContain('您有未保存的修改（暂存于 2024-03-01 10:20，北京时间）');
    expect(text).toContain('新增绩效目标 1 条，删除绩效目标 0 条。');
    await offer.resume();
    expect(host.resumes).toBe(1);
  });

  it('放弃这些修改 forgets the kept work', async () => {
    keep(['别的目标']);
    const { offer } = await setUp();
    await offer.discard();
    expect(await offer.getText()).toBeNull();
    expect(TestBed.inject(EditorDrafts).read('u1', 'sheet-1')).toBeNull();
  });

  it('says why kept work can no longer be saved once the sheet is locked', async () => {
    keep(['别的目标']);
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.sheet.set({ ...SHEET, status: 'submitted' });
    fixture.componentInstance.canEdit.set(false);
    const offer = await TestbedHarnessEnvironment.loader(fixture).getHarness(DraftOfferHarness);
    expect(await offer.canResume()).toBe(false);
    expect(await offer.getText()).toContain('目标表当前为「已提交」，不能修改；正在部门审核中');
    expect(await offer.getText()).toContain('暂存的修改已无法保存');
  });

  it('never shows another user’s kept work', async () => {
    TestBed.inject(EditorDrafts).keep({ userId: 'u2', sheetId: 'sheet-1', rowVersion: 3, base: snapshotOfSheet(SHEET), content: { ...plainContent(contentOf(SHEET)), goals: ['他人的草稿'] } });
    const { offer } = await setUp();
    expect(await offer.getText()).toBeNull();
  });
});
