import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DEPARTMENT_WIDE_SCHEME, NATIONAL_PROJECT_SCHEME } from '@jixiao/domain/scoring';
import { SchemeEditor } from './scheme-editor';
import { SchemeDraft, schemeDraft, toScheme } from './scheme-form';
import { SchemeEditorHarness } from './testing/scheme-editor-harness';

@Component({
  imports: [SchemeEditor],
  template: `<jx-scheme-editor [(draft)]="draft" />`,
})
class Host {
  readonly draft = signal<SchemeDraft>(schemeDraft(NATIONAL_PROJECT_SCHEME));
}

describe(SchemeEditor.name, () => {
  async function setUp(start = NATIONAL_PROJECT_SCHEME) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.draft.set(schemeDraft(start));
    const editor = await TestbedHarnessEnvironment.loader(fixture).getHarness(SchemeEditorHarness);
    return { host: fixture.componentInstance, editor };
  }

  it('shows the groups with their words and points, the total, and that the scheme can be saved', async () => {
    const { editor } = await setUp();
    expect(await editor.getGroups()).toEqual([
      { label: '产出指标', aliases: '产出、成本', points: '50', code: 'output' },
      { label: '效益指标', aliases: '效益', points: '30', code: 'benefit' },
      { label: '满意度指标', aliases: '满意', points: '10', code: 'satisfaction' },
    ]);
    expect(await editor.getTotal()).toBe('100');
    expect(await editor.getProblems()).toEqual([]);
    expect(await editor.saysSavable()).toBe(true);
  });

  it('says the sum while the points do not add up to 100, and stops once they do (产出 40 / 效益 30 / 满意度 20)', async () => {
    const { host, editor } = await setUp();
    await editor.setGroup(0, 'points', '40');
    expect(await editor.getTotal()).toBe('90');
    expect(await editor.getProblems()).toEqual(['预算执行率与各分组分值合计为 90 分，应为 100 分']);
    expect(await editor.saysSavable()).toBe(false);
    await editor.setGroup(2, 'points', '20');
    expect(await editor.getProblems()).toEqual([]);
    expect(toScheme(host.draft()).groups.map((g) => g.points)).toEqual([40, 30, 20]);
  });

  it('adds a 投入管理 group with its words, and writes the words as a list', async () => {
    const { host, editor } = await setUp();
    await editor.addGroup();
    expect((await editor.getGroups())[3]).toEqual({ label: '', aliases: '', points: '0', code: 'group4' });
    await editor.setGroup(3, 'label', '投入管理指标');
    await editor.setGroup(3, 'aliases', '投入、管理');
    await editor.setGroup(3, 'code', 'input');
    await editor.setGroup(3, 'points', '20');
    await editor.setGroup(0, 'points', '30');
    expect(await editor.getProblems()).toEqual([]);
    expect(toScheme(host.draft()).groups[3]).toEqual({ key: 'input', label: '投入管理指标', aliases: ['投入', '管理'], points: 20 });
  });

  it('lists every reason at once: a name missing, words shared by two groups, a point that is not a number, a tier out of its range', async () => {
    const { editor } = await setUp(DEPARTMENT_WIDE_SCHEME);
    await editor.setName('');
    await editor.setGroup(1, 'aliases', '产出、效益');
    await editor.setBudgetExecution('十');
    await editor.setTier('partial', '0.9');
    expect(await editor.getTotal()).toBe('—');
    expect(await editor.getProblems()).toEqual([
      '方案名称须为 1–100 个字',
      '预算执行率分值“十”须为不超过两位小数的非负数',
      '关键词“效益”同时属于“产出指标”和“效益指标”',
      '“部分达成”的完成程度须在 0.6 到 0.8（不含）之间',
    ]);
  });

  it('removes a group', async () => {
    const { host, editor } = await setUp();
    await editor.removeGroup(2);
    expect((await editor.getGroups()).map((g) => g.label)).toEqual(['产出指标', '效益指标']);
    expect(host.draft().groups).toHaveLength(2);
    expect(await editor.getProblems()).toEqual(['预算执行率与各分组分值合计为 90 分，应为 100 分']);
  });
});
