/**
 * One table of a tab, read: a 项目支出绩效目标表 (header block, 资金, 资金支出计划, goals, indicators) or a
 * 部门整体支出绩效目标表 (部门名称, 年度履职目标, 年度主要任务, 预算情况, indicators).
 */
import type { ReadProblem } from '../dataset-reading';
import { departmentHeaderFields } from './department-header';
import { splitGoals } from './goals';
import { multiLine, oneLine, type TabGrid } from './grid';
import { allValuesOf, amountOf, findLabels, firstHit, nearestHit, statedYear, tableMoneyUnit, totalHit, valueOf, type LabelHit } from './header-block';
import { indicatorHeaderAt, readIndicatorRows, type IndicatorTableReading } from './indicator-table';
import { splitCodeAndName, statedMoneyUnit } from './labels';
import { readSpendingPlan } from './spending-plan';
import type { ReadTable, TableBlock, TableContext as Context } from './table-types';

function context(grid: TabGrid, block: TableBlock, tab: string, problems: ReadProblem[], skip?: ReadonlySet<number>): Context {
  const headerEnd = (block.headerRow ?? block.end) - 1;
  const stated = tableMoneyUnit(grid, block.preambleFrom, headerEnd);
  const assumed = stated === null && !labelsStateUnit(grid, block.anchorRow, headerEnd);
  return { grid, block, tab, problems, unit: stated ?? '万元', assumedUnit: assumed, hits: findLabels(grid, block.anchorRow, headerEnd, skip) };
}

/** Where amounts were read in 万元 only because nothing said otherwise, a warning says so. */
export function warnAssumedUnit(ctx: Context, amounts: (string | null)[]): void {
  if (!ctx.assumedUnit || amounts.every((amount) => amount === null)) return;
  ctx.problems.push({
    code: 'MONEY_UNIT_ASSUMED',
    message: '表格未注明金额单位（万元或元），金额按万元读取，请核对',
    severity: 'warning',
    tab: ctx.tab,
    row: ctx.block.anchorRow,
    column: null,
  });
}

function labelsStateUnit(grid: TabGrid, from: number, to: number): boolean {
  for (let row = from; row <= to; row++) if (grid.cells(row).some((cell) => statedMoneyUnit(cell.text) !== null)) return true;
  return false;
}

function text(ctx: Context, hit: LabelHit | null, long = false): string | null {
  const cell = hit === null ? null : valueOf(ctx.grid, hit);
  if (cell === null) return null;
  return long ? multiLine(cell.text) : oneLine(cell.text);
}

function indicators(ctx: Context): IndicatorTableReading {
  const header = ctx.block.headerRow === null ? null : indicatorHeaderAt(ctx.grid, ctx.block.headerRow);
  if (header === null) return { indicators: [], weights: [], problems: [], stopRow: ctx.block.end };
  const reading = readIndicatorRows(ctx.grid, header, ctx.block.end, ctx.tab);
  ctx.problems.push(...reading.problems);
  return reading;
}

function hasWeights(grid: TabGrid, block: TableBlock): boolean {
  return block.headerRow !== null && indicatorHeaderAt(grid, block.headerRow)?.columns.weight !== undefined;
}

/** Reads a 项目支出绩效目标表. */
export function readProjectTable(grid: TabGrid, block: TableBlock, tab: string, problems: ReadProblem[]): ReadTable {
  const ctx = context(grid, block, tab, problems);
  const { hits } = ctx;
  const name = text(ctx, firstHit(hits, 'projectName'));
  const department = text(ctx, firstHit(hits, 'department'));
  const unit = text(ctx, firstHit(hits, 'unit'));
  const total = totalHit(hits);
  const totalAmount = amountOf(grid, total, ctx.unit, tab, problems);
  const planHit = firstHit(hits, 'spendingPlan');
  warnAssumedUnit(ctx, [totalAmount]);
  const read = indicators(ctx);
  const table: ReadTable = {
    kind: 'project',
    tab,
    row: block.anchorRow,
    year: statedYear(grid, block.preambleFrom, block.anchorRow - 1),
    department: department === null ? null : splitCodeAndName(department),
    unit: unit === null ? null : splitCodeAndName(unit),
    project: null,
    departmentSheet: null,
    weights: hasWeights(grid, block) ? read.weights : null,
    stopRow: read.stopRow,
  };
  const where = { tab, row: block.anchorRow, column: null };
  if (name === null) {
    const empty = read.indicators.length === 0;
    problems.push({
      code: empty ? 'TABLE_EMPTY' : 'PROJECT_NAME_MISSING',
      message: empty ? '表格未填写项目名称，也没有指标（空白模板），已跳过' : '表格没有项目名称，未导入该项目',
      severity: empty ? 'warning' : 'error',
      ...where,
    });
    return table;
  }
  if (totalAmount === null) {
    problems.push({ code: 'PROJECT_AMOUNT_MISSING', message: `项目「${name}」没有可读的资金总额，未导入该项目`, severity: 'error', ...where });
    return table;
  }
  if (read.indicators.length === 0) {
    problems.push({ code: 'TABLE_WITHOUT_INDICATORS', message: `项目「${name}」没有读到绩效指标`, severity: 'warning', ...where });
  }
  table.project = {
    code: text(ctx, firstHit(hits, 'projectCode')),
    name,
    unitCode: table.unit?.code ?? null,
    category: text(ctx, firstHit(hits, 'category')),
    amount: {
      total: totalAmount,
      fiscal: amountOf(grid, nearestHit(hits, 'fiscal', total), ctx.unit, tab, problems),
      other: amountOf(grid, nearestHit(hits, 'other', total), ctx.unit, tab, problems),
    },
    purpose: text(ctx, firstHit(hits, 'purpose'), true),
    goals: splitGoals(allValuesOf(grid, firstHit(hits, 'goals'))),
    spendingPlan: planHit === null ? [] : readSpendingPlan(grid, planHit, totalAmount, ctx.unit, tab, problems),
    indicators: read.indicators,
  };
  return table;
}


/** Reads a 部门整体支出绩效目标表. */
export function readDepartmentTable(grid: TabGrid, block: TableBlock, tab: string, problems: ReadProblem[]): ReadTable {
  const headerEnd = (block.headerRow ?? block.end) - 1;
  const fields = departmentHeaderFields(grid, block, headerEnd, tab, problems, (skip) => context(grid, block, tab, problems, skip));
  warnAssumedUnit(fields.ctx, [fields.budget.total, fields.budget.basic, fields.budget.project, ...fields.tasks.map((task) => task.amount)]);
  const read = indicators(fields.ctx);
  const department = fields.department === null ? null : splitCodeAndName(fields.department);
  const table: ReadTable = {
    kind: 'department',
    tab,
    row: block.anchorRow,
    year: statedYear(grid, block.preambleFrom, block.anchorRow - 1),
    department,
    unit: null,
    project: null,
    departmentSheet: { goals: fields.goals, tasks: fields.tasks, budget: fields.budget, indicators: read.indicators },
    weights: hasWeights(grid, block) ? read.weights : null,
    stopRow: read.stopRow,
  };
  return table;
}

