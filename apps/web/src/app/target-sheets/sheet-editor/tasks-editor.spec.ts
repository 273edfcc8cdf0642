import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { departmentDraft, DraftTask } from '../department-form';
import { draftKey } from './editor-draft';
import { TasksEditor } from './tasks-editor';
import { TasksEditorHarness } from './testing/tasks-editor-harness';

/** 汉阴县医疗保障局 2024, as published. */
const HANYIN_TASKS = () =>
  departmentDraft(
    {
      tasks: [
        { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
        { name: '公用经费', content: '保障单位正常运转', amount: '126000.00' },
      ],
      budget: null,
    },
    draftKey,
  ).tasks;

@Component({
  imports: [TasksEditor],
  template: `<jx-tasks-editor [(tasks)]="tasks" />`,
})
class Host {
  readonly tasks = signal<DraftTask[]>(HANYIN_TASKS());
}

describe(TasksEditor.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const tasks = await TestbedHarnessEnvironment.loader(fixture).getHarness(TasksEditorHarness);
    return { host: fixture.componentInstance, tasks };
  }

  it('shows each task with its amount in 元 and 万元, and their total', async () => {
    const { tasks } = await setUp();
    expect(await tasks.getTasks()).toEqual([
      { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00', hint: '合 329.88 万元' },
      { name: '公用经费', content: '保障单位正常运转', amount: '126000.00', hint: '合 12.6 万元' },
    ]);
    expect(await tasks.getTotal()).toBe('342.48');
  });

  it('adds a task, reads 20万 as 200000 元, and adds it to the total', async () => {
    const { host, tasks } = await setUp();
    await tasks.addTask();
    await tasks.setName(2, '医保政策宣传');
    await tasks.setContent(2, '印发宣传材料');
    await tasks.setAmount(2, '20万');
    expect((await tasks.getTasks())[2]).toEqual({ name: '医保政策宣传', content: '印发宣传材料', amount: '20万', hint: '合 20 万元' });
    expect(await tasks.getTotal()).toBe('362.48');
    expect(host.tasks()[2]).toMatchObject({ name: '医保政策宣传', content: '印发宣传材料', amount: '20万' });
  });

  it('shows no total while an amount is not one, and explains it', async () => {
    const { tasks } = await setUp();
    await tasks.setAmount(1, '十二万六');
    expect((await tasks.getTasks())[1]?.hint).toBe('请填写金额（元），如 1200000、1200000.50，或 120万');
    expect(await tasks.getTotal()).toBeNull();
  });

  it('removes a task', async () => {
    const { host, tasks } = await setUp();
    await tasks.remove(0);
    expect(host.tasks().map((t) => t.name)).toEqual(['公用经费']);
    expect(await tasks.getTotal()).toBe('12.6');
  });
});
