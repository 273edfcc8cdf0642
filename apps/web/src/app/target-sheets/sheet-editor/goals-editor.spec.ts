import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DraftGoal, goalDrafts } from './editor-draft';
import { GoalsEditor } from './goals-editor';
import { GoalsEditorHarness } from './testing/goals-editor-harness';

@Component({
  imports: [GoalsEditor],
  template: `<jx-goals-editor [(goals)]="goals" />`,
})
class Host {
  readonly goals = signal<DraftGoal[]>(goalDrafts(['保障参保群众待遇按时足额兑付', '提升医保经办服务水平']));
}

describe(GoalsEditor.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const editor = await TestbedHarnessEnvironment.loader(fixture).getHarness(GoalsEditorHarness);
    return { host: fixture.componentInstance, editor };
  }

  it('shows each goal in its own numbered field', async () => {
    const { editor } = await setUp();
    expect(await editor.getGoals()).toEqual(['保障参保群众待遇按时足额兑付', '提升医保经办服务水平']);
    expect(await editor.getLabels()).toEqual(['绩效目标 1', '绩效目标 2']);
    expect(await editor.getEmptyText()).toBe('');
  });

  it('writes what is typed back into the draft', async () => {
    const { host, editor } = await setUp();
    await editor.setGoal(1, '医保经办服务满意度不低于90%');
    expect(host.goals().map((g) => g.text)).toEqual(['保障参保群众待遇按时足额兑付', '医保经办服务满意度不低于90%']);
  });

  it('adds an empty goal at the end and removes the one asked for', async () => {
    const { host, editor } = await setUp();
    await editor.addGoal();
    expect(await editor.getLabels()).toEqual(['绩效目标 1', '绩效目标 2', '绩效目标 3']);
    await editor.setGoal(2, '基金监管全覆盖');
    await editor.removeGoal(0);
    expect(await editor.getGoals()).toEqual(['提升医保经办服务水平', '基金监管全覆盖']);
    expect(host.goals().map((g) => g.text)).toEqual(['提升医保经办服务水平', '基金监管全覆盖']);
    expect(new Set(host.goals().map((g) => g.key)).size).toBe(2);
  });

  it('says how to start when there is no goal', async () => {
    const { editor } = await setUp();
    await editor.removeGoal(0);
    await editor.removeGoal(0);
    expect(await editor.getGoals()).toEqual([]);
    expect(await editor.getEmptyText()).toContain('新增目标');
  });
});
