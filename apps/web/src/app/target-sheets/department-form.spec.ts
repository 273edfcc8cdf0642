import { DraftBudget, DraftTask, departmentDraft, departmentProblem, taskTotalWan, toBudgetInput, toTaskInputs } from './department-form';

const task = (name: string, content: string, amount: string): DraftTask => ({ key: 0, name, content, amount });

/** 汉阴县医疗保障局 2024: 1996.62 万元 = 342.48 基本 + 1654.14 项目. */
const HANYIN_BUDGET: DraftBudget = { total: '19966200.00', basic: '3424800.00', project: '16541400.00' };

describe(departmentDraft.name, () => {
  it('loads tasks and budget, with blanks for what the sheet does not state', () => {
    let next = 1;
    const draft = departmentDraft(
      { tasks: [{ name: '医疗救助', content: null, amount: null }], budget: { total: '31438100.00', basic: null, project: null } },
      () => next++,
    );
    expect(draft).toEqual({ tasks: [{ key: 1, name: '医疗救助', content: '', amount: '' }], budget: { total: '31438100.00', basic: '', project: '' } });
  });

  it('gives an empty budget form to a sheet without a budget', () => {
    expect(departmentDraft({ tasks: [], budget: null }, () => 0).budget).toEqual({ total: '', basic: '', project: '' });
  });
});

describe(departmentProblem.name, () => {
  it('accepts the published summary and tasks', () => {
    expect(departmentProblem([task('人员经费', '发放在职人员工资', '3298800'), task('公用经费', '', '126,000.00')], HANYIN_BUDGET)).toBeNull();
  });

  it('accepts a budget with parts missing, and ignores blank task rows', () => {
    expect(departmentProblem([task('', '', ' ')], { total: '19966200', basic: '', project: '' })).toBeNull();
  });

  it('asks for the name of a task that has content or an amount', () => {
    expect(departmentProblem([task('人员经费', '', ''), task(' ', '保障单位正常运转', '')], HANYIN_BUDGET)).toBe('年度主要任务第 2 行未填写任务名称。');
  });

  it('explains a task amount that is not in 元', () => {
    expect(departmentProblem([task('专项业务费', '', '1654.14万')], HANYIN_BUDGET)).toBeNull(); // 万元 is understood
    expect(departmentProblem([task('专项业务费', '', '约1654万')], HANYIN_BUDGET)).toBe('年度主要任务「专项业务费」的金额须为元金额，如 3298800 或 3298800.50。');
  });

  it('explains a budget amount that is not in 元', () => {
    expect(departmentProblem([], { ...HANYIN_BUDGET, basic: '342.481' })).toBe('基本支出须为元金额，如 19966200 或 19966200.50。');
  });

  it('checks 基本支出 + 项目支出 = 总额 to the cent, with the domain’s sentence', () => {
    expect(departmentProblem([], { ...HANYIN_BUDGET, project: '16541400.01' })).toBe(
      '基本支出 3424800.00 与项目支出 16541400.01 之和不等于部门预算总额 19966200.00，请核对部门预算。',
    );
  });
});

describe(toTaskInputs.name, () => {
  it('trims, drops blank rows and writes amounts in 元 with two places', () => {
    expect(toTaskInputs([task(' 人员经费 ', ' 发放在职人员工资 ', '3,298,800'), task('', '', ''), task('医保宣传', ' ', '')])).toEqual([
      { name: '人员经费', content: '发放在职人员工资', amount: '3298800.00' },
      { name: '医保宣传', content: null, amount: null },
    ]);
  });
});

describe(toBudgetInput.name, () => {
  it('writes each stated amount in 元 with two places and the others as null', () => {
    expect(toBudgetInput({ total: '19966200', basic: ' ', project: '16541400.5' })).toEqual({ total: '19966200.00', basic: null, project: '16541400.50' });
  });
});

describe(taskTotalWan.name, () => {
  it('adds the task amounts in decimals', () => {
    expect(taskTotalWan([task('a', '', '3298800'), task('b', '', '126000.00'), task('c', '', '16541400'), task('d', '', '')])).toBe('1996.62');
  });

  it('is null without amounts or with an unreadable one', () => {
    expect(taskTotalWan([task('a', '', '')])).toBeNull();
    expect(taskTotalWan([task('a', '', '12万')])).toBe('12');
    expect(taskTotalWan([task('a', '', '十二万')])).toBeNull();
  });
});
