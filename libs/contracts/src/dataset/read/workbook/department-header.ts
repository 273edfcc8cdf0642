/** The header block of a 部门整体支出绩效目标表: 部门名称, 年度履职目标, 年度主要任务, 预算情况. */
import type { DatasetDepartmentSheet, DatasetTask } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { readTasks } from './department-tasks';
import { splitGoals } from './goals';
import { oneLine, type TabGrid } from './grid';
import { allValuesOf, amountOf, firstHit, valueOf } from './header-block';
import type { TableBlock, TableContext } from './table-types';

export interface DepartmentHeader {
  ctx: TableContext;
  department: string | null;
  goals: string[];
  tasks: DatasetTask[];
  budget: DatasetDepartmentSheet['budget'];
}

export function departmentHeaderFields(
  grid: TabGrid,
  block: TableBlock,
  headerEnd: number,
  tab: string,
  problems: ReadProblem[],
  makeContext: (skip: ReadonlySet<number>) => TableContext,
): DepartmentHeader {
  const probe = makeContext(new Set());
  const tasks = readTasks(grid, block.anchorRow, headerEnd, probe.unit, tab, problems);
  const ctx = { ...probe, hits: probe.hits.filter((hit) => !tasks.rows.has(hit.row) || hit.field === 'tasks') };
  const { hits } = ctx;
  const departmentHit = firstHit(hits, 'department');
  const goalsHit = firstHit(hits, 'goals');
  const total = amountOf(grid, firstHit(hits, 'budgetTotal'), ctx.unit, tab, problems);
  return {
    ctx,
    department: departmentHit === null ? null : oneLine(valueOf(grid, departmentHit)?.text ?? null),
    goals: splitGoals(allValuesOf(grid, goalsHit)),
    tasks: tasks.tasks,
    budget: {
      total: total ?? tasks.sum,
      basic: amountOf(grid, firstHit(hits, 'budgetBasic'), ctx.unit, tab, problems),
      project: amountOf(grid, firstHit(hits, 'budgetProject'), ctx.unit, tab, problems),
    },
  };
}
