import { departmentMoney, DepartmentMoneyInput } from './department-budget';
import { formatMoneyRate } from './money';

// 汉阴县医疗保障局 2024 (fixtures/hanyin-2024.json): 部门预算 1,996.62 万 = 基本支出 342.48 万 + 项目支出 1,654.14 万.
const HANYIN = { total: '19966200.00', basic: '3424800.00', project: '16541400.00' };
const HANYIN_PROJECTS = ['410000.00', '14946100.00', '385300.00', '800000.00'];

function input(overrides: Partial<DepartmentMoneyInput> = {}): DepartmentMoneyInput {
  return {
    stated: HANYIN,
    projects: HANYIN_PROJECTS.map((budget, i) => ({ budget, expenditures: i === 1 ? [{ month: 3, amount: '3000000.00' }, { month: 6, amount: '4000000.55' }] : [] })),
    basicExpenditures: [
      { month: 1, amount: '285400.00' },
      { month: 2, amount: '285400.00' },
      { month: 6, amount: '0.45' },
    ],
    ...overrides,
  };
}

describe(departmentMoney.name, () => {
  it('counts basic and every project spending against the whole budget the department states', () => {
    const money = departmentMoney(input());
    expect(money).toMatchObject({
      whole: true,
      budget: '19966200.00',
      basicBudget: '3424800.00',
      projectBudget: '16541400.00',
      projectsBudget: '16541400.00',
      basicSpent: '570800.45',
      projectSpent: '7000000.55',
      spent: '7570801.00',
      warnings: [],
    });
    expect(money.expenditures).toEqual([
      { month: 1, amount: '285400.00' },
      { month: 2, amount: '285400.00' },
      { month: 3, amount: '3000000.00' },
      { month: 6, amount: '4000001.00' },
    ]);
    expect(formatMoneyRate(money.spent, money.budget)).toBe('37.92%'); // 7570801.00 ÷ 19966200.00 = 37.918…%
    expect(money.explanation).toBe(
      '部门整体：全部支出 7570801.00（基本支出 570800.45 + 项目支出 7000000.55） ÷ 部门预算总额 19966200.00（基本支出 3424800.00 + 项目支出 16541400.00）',
    );
  });

  it('keeps the projects-only rate where the department states no basic budget, and says so', () => {
    const money = departmentMoney(input({ stated: { total: '19966200.00', basic: null, project: null } }));
    expect(money).toMatchObject({ whole: false, budget: '16541400.00', spent: '7000000.55', basicBudget: null, basicSpent: '570800.45' });
    expect(money.expenditures).toEqual([
      { month: 3, amount: '3000000.00' },
      { month: 6, amount: '4000000.55' },
    ]);
    expect(money.explanation).toBe('部门未填写基本支出预算，执行率按各项目预算合计 16541400.00 元及其支出 7000000.55 元计算（不含基本支出）');
    expect(money.warnings).toEqual(['已录入基本支出 570800.45 元，但部门预算未填写基本支出，未计入执行率']);
  });

  it('treats a sheet without a budget summary as stating none', () => {
    const money = departmentMoney(input({ stated: null, basicExpenditures: [] }));
    expect(money).toMatchObject({ whole: false, budget: '16541400.00', spent: '7000000.55', warnings: [] });
  });

  it('adds the parts up where no total is stated, and derives the project part from the total where it is missing', () => {
    expect(departmentMoney(input({ stated: { total: null, basic: '3424800.00', project: '16541400.00' } })).budget).toBe('19966200.00');
    expect(departmentMoney(input({ stated: { total: null, basic: '3424800.00', project: null } }))).toMatchObject({ budget: '19966200.00', projectBudget: '16541400.00' });
    expect(departmentMoney(input({ stated: { total: '19966200.00', basic: '3424800.00', project: null } }))).toMatchObject({ budget: '19966200.00', projectBudget: '16541400.00', warnings: [] });
  });

  it('warns when basic spending passes the basic budget, without capping what was spent', () => {
    const money = departmentMoney(input({ stated: { total: '16541400.10', basic: '0.10', project: '16541400.00' } }));
    expect(money.spent).toBe('7570801.00');
    expect(money.warnings).toEqual(['基本支出累计 570800.45 元，超过基本支出预算 0.10 元 570800.35 元；如已追加预算，请通过调整更新部门预算']);
  });

  it('warns when the stated parts do not add up or the projects differ from the stated project part, and divides by the stated total', () => {
    const money = departmentMoney(input({ stated: { total: '20000000.00', basic: '3424800.00', project: '16541400.00' }, basicExpenditures: [] }));
    expect(money.budget).toBe('20000000.00');
    expect(money.warnings).toEqual(['基本支出 3424800.00 与项目支出 16541400.00 之和不等于部门预算总额 20000000.00：执行率按部门预算总额 20000000.00 元计算']);
    const fewer = departmentMoney(input({ projects: [{ budget: '410000.00', expenditures: [] }], basicExpenditures: [] }));
    expect(fewer).toMatchObject({ budget: '19966200.00', projectsBudget: '410000.00', spent: '0.00' });
    expect(fewer.warnings).toEqual(['各项目预算合计 410000.00 元与部门预算中的项目支出 16541400.00 元不一致']);
  });

  it('is exact to the cent over many months', () => {
    const basicExpenditures = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: '0.10' }));
    const money = departmentMoney(input({ basicExpenditures, projects: [] }));
    expect(money).toMatchObject({ basicSpent: '1.20', projectSpent: '0.00', spent: '1.20', budget: '19966200.00' });
  });

  it.each([
    ['a negative month amount', { basicExpenditures: [{ month: 1, amount: '-1.00' }] }],
    ['a month outside the year', { basicExpenditures: [{ month: 13, amount: '1.00' }] }],
    ['a budget that is not an amount', { stated: { total: '1e5', basic: '1.00', project: null } }],
  ])('refuses %s (a programming error: the API validates first)', (_what, overrides) => {
    expect(() => departmentMoney(input(overrides))).toThrow();
  });
});
