/**
 * 年度主要任务 of a 部门整体支出绩效目标表: a header row (任务名称 | 主要内容 | 预算金额, perhaps over
 * 总额 | 财政拨款 | 其他资金) and a row per task, until the next section (金额合计, 预算情况, 年度总体目标,
 * the indicators).
 */
import type { DatasetTask } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { readAmount, type MoneyUnit } from './amounts';
import { columnLetter, multiLine, oneLine, type TabGrid } from './grid';
import { labelKey, matchHeaderLabel, matchIndicatorLabel, statedMoneyUnit } from './labels';

export interface TasksReading {
  tasks: DatasetTask[];
  /** The rows the tasks section took (its labels are not header labels). */
  rows: Set<number>;
  /** 金额合计 of the task amounts as written, in 元, or null. */
  sum: string | null;
}

const NAME = /^(?:任务名称|任务|工作任务|主要任务名称)$/;
const CONTENT = /^(?:主要内容|任务内容|内容|主要工作内容)$/;
const AMOUNT = /^(?:预算金额|金额|预算数|资金总额|总额|合计|预算金额合计)(?:\((?:万元|元)\))?$/;

/** Reads the tasks of rows `from`..`to`; empty when the block has no 任务名称 header. */
export function readTasks(grid: TabGrid, from: number, to: number, unit: MoneyUnit, tab: string, problems: ReadProblem[]): TasksReading {
  const reading: TasksReading = { tasks: [], rows: new Set(), sum: null };
  let headerRow: number | null = null;
  let nameColumn = 0;
  for (let row = from; row <= to && headerRow === null; row++) {
    const name = grid.cells(row).find((cell) => NAME.test(labelKey(cell.text)));
    if (name) {
      headerRow = row;
      nameColumn = name.column;
    }
  }
  if (headerRow === null) return reading;
  reading.rows.add(headerRow);
  const header = grid.cells(headerRow);
  const contentColumn = header.find((cell) => CONTENT.test(labelKey(cell.text)))?.column ?? null;
  let amountCell = header.find((cell) => AMOUNT.test(labelKey(cell.text))) ?? null;
  let amountUnit = (amountCell && statedMoneyUnit(amountCell.text)) ?? unit;
  let row = grid.bottomOf(headerRow, nameColumn) + 1;
  // a sub-header: 总额 | 财政拨款 | 其他资金 under 预算金额
  const sub = grid.cells(row);
  if (sub.length > 0 && sub.every((cell) => /^(?:总额|合计|财政拨款|其他资金|小计|财政资金|资金总额)$/.test(labelKey(cell.text)))) {
    amountCell = sub.find((cell) => /^(?:总额|合计|资金总额|小计)$/.test(labelKey(cell.text))) ?? amountCell;
    amountUnit = (amountCell && statedMoneyUnit(amountCell.text)) ?? amountUnit;
    reading.rows.add(row);
    row += 1;
  }
  for (; row <= to; row++) {
    if (grid.blank(row)) continue;
    const section = grid.cells(row).find((cell) => cell.column < nameColumn);
    const label = grid.cells(row).map((cell) => matchHeaderLabel(cell.text)).find((match) => match !== null);
    if (label?.field === 'amountSum' && amountCell !== null) {
      const sum = readAmount(grid.text(row, amountCell.column), amountUnit);
      if (sum.kind === 'amount') reading.sum = sum.yuan;
      reading.rows.add(row);
      break;
    }
    if (section !== undefined || grid.cells(row).some((cell) => matchIndicatorLabel(cell.text) === 'level1')) break;
    reading.rows.add(row);
    const name = oneLine(grid.text(row, nameColumn));
    const content = contentColumn === null ? null : multiLine(grid.text(row, contentColumn));
    if (name === null && content === null) continue;
    let amount: string | null = null;
    if (amountCell !== null) {
      const text = grid.text(row, amountCell.column);
      const parsed = readAmount(text, amountUnit);
      if (parsed.kind === 'amount') amount = parsed.yuan;
      if (parsed.kind === 'unreadable') {
        problems.push({ code: 'AMOUNT_UNREADABLE', message: `年度主要任务「${name ?? content}」的预算金额「${text}」无法识别为数字，未导入该金额`, severity: 'error', tab, row, column: columnLetter(amountCell.column) });
      }
    }
    if (name === null) {
      problems.push({ code: 'TASK_WITHOUT_NAME', message: `第 ${row} 行的年度主要任务没有任务名称，已用主要内容作名称，请核对`, severity: 'warning', tab, row, column: columnLetter(nameColumn) });
    }
    reading.tasks.push({ name: name ?? (content as string), content: name === null ? null : content, amount });
  }
  return reading;
}
