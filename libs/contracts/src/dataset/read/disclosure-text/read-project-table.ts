// One project table (项目支出 / 专项业务经费绩效目标表): its header block (项目名称, 主管部门, 资金金额,
// 总体目标 …) and its indicator rows.
import type { DatasetProject } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { otherFunds, toYuan, unitNamed, type AmountUnit } from './amounts';
import { joinGoalLines, splitGoals } from './goals';
import { problem } from './indicator-rows';
import { isAnyIndicatorHeader, readIndicatorRows } from './indicator-table';
import { labelledCells, spacedLabelCells, type LabelledCells } from './label-cells';
import { isSingleSpaced } from './spaced-cells';
import { closeCjkGaps, joinFragment } from './text-normalise';
import { filledCells, isEmptyRow, type TextRow } from './text-rows';

/** A sheet read from the text, with the 主管部门 it names and the line it starts at. */
export interface SheetRead<T> {
  department: string | null;
  sheet: T;
  line: number;
}

const PROJECT_LABEL =
  /^(项目名称|项目编码|主管部门|实施单位|项目单位|项目类别|项目类型|实施期限|资金金额|预算规模|预算数|实施期资金总额|年度资金总额|资金总额|其中:?财政拨款|财政拨款|其中:?财政资金|财政资金|其他资金|总体目标|年度目标|绩效目标|实施期总目标|资金用途|项目简介|项目概况)/;

const isProjectLabel = (key: string): boolean => PROJECT_LABEL.test(key);

/** The label/value cells of a row; a single-space separated row is cut at the words that are labels. */
function rowLabels(row: TextRow): LabelledCells[] {
  const filled = filledCells(row);
  if (filled.length !== 1 || !isSingleSpaced(row.raw)) return labelledCells(row, isProjectLabel);
  return labelledCells({ ...row, cells: spacedLabelCells(filled[0].text, isProjectLabel) }, isProjectLabel);
}

function firstValue(values: string[]): string | null {
  const value = values.find((text) => text.trim() !== '');
  return value === undefined ? null : value.trim();
}

/** Reads the project table spanning `rows` (its 项目名称 row first); null when it is an empty template. */
export function readProjectTable(rows: TextRow[], unitBefore: AmountUnit | null, problems: ReadProblem[]): SheetRead<DatasetProject> | null {
  const first = rows[0];
  let name: string | null = null;
  let code: string | null = null;
  let department: string | null = null;
  let category: string | null = null;
  let purpose: string | null = null;
  let goalsText = '';
  let inGoals = false;
  /** A label whose value is on the lines below it (`项目名称` at the end of a row, its name wrapped below). */
  let valueBelow: 'name' | 'purpose' | null = null;
  let nameBelow = false;
  let unit: AmountUnit = unitBefore ?? 'wan';
  const amount: { total: string | null; fiscal: string | null; other: string | null } = { total: null, fiscal: null, other: null };
  let index = 0;
  for (; index < rows.length && !isAnyIndicatorHeader(rows[index]); index += 1) {
    const row = rows[index];
    if (isEmptyRow(row)) continue;
    const labelled = rowLabels(row);
    if (labelled.length === 1 && labelled[0].key === '' && inGoals) {
      goalsText = joinGoalLines(goalsText, labelled[0].values.join(' '));
      continue;
    }
    if (labelled.length === 1 && labelled[0].key === '' && valueBelow !== null) {
      const line = closeCjkGaps(labelled[0].values.join(' '));
      if (valueBelow === 'name') {
        name = name === null ? line : joinFragment(name, line);
        nameBelow = true;
      } else purpose = purpose === null ? line : joinFragment(purpose, line);
      if (valueBelow === 'purpose' || /[。；;]$/.test(line)) valueBelow = null;
      continue;
    }
    inGoals = false;
    if (valueBelow === 'name') valueBelow = null; // a purpose may come after the amounts (`预算规模及资金用途`)
    for (const { key, values } of labelled) {
      const value = firstValue(values);
      unit = unitNamed(key) ?? unit;
      const money = value === null ? null : toYuan(value, unit);
      if (value === null && /^(项目名称|资金用途)/.test(key)) valueBelow = key.startsWith('项目名称') ? 'name' : 'purpose';
      if (key.startsWith('项目名称')) name = value === null ? null : closeCjkGaps(value);
      else if (key.startsWith('项目编码')) code = value;
      else if (key.startsWith('主管部门')) department = value;
      else if (/^(项目类别|项目类型)/.test(key)) category = value;
      else if (/^(实施期资金总额|年度资金总额|资金总额|资金金额|预算规模|预算数)/.test(key)) amount.total = amount.total ?? money;
      else if (/财政(拨款|资金)/.test(key)) amount.fiscal = amount.fiscal ?? money;
      else if (key.startsWith('其他资金')) amount.other = amount.other ?? money;
      else if (/^(总体目标|年度目标|绩效目标|实施期总目标)/.test(key) && value !== null) {
        goalsText = values.join(' ');
        inGoals = true;
      } else if (/^(资金用途|项目简介|项目概况)/.test(key)) purpose = value;
    }
  }
  if (name === null) {
    problems.push(problem('TABLE_EMPTY', `第 ${first.line} 行：项目绩效目标表没有项目名称（空表或模板），未导入`, 'warning', first.line));
    return null;
  }
  const project: DatasetProject = {
    code,
    name,
    unitCode: null,
    category,
    amount: { total: amount.total ?? '0.00', fiscal: amount.fiscal, other: amount.total === null ? amount.other : otherFunds(amount.total, amount.fiscal, amount.other) },
    purpose,
    goals: splitGoals(goalsText),
    spendingPlan: [],
    indicators: [],
  };
  if (index >= rows.length && nameBelow) {
    // `项目名称` as a column heading of another table (政府采购预算): no header block, no indicators
    problems.push(problem('TABLE_WITHOUT_INDICATORS', `第 ${first.line} 行：「项目名称」下没有绩效指标表，未作为项目导入`, 'warning', first.line));
    return null;
  }
  if (amount.total === null) {
    problems.push(problem('AMOUNT_MISSING', `第 ${first.line} 行：项目「${name}」没有读到资金总额，记为 0`, 'warning', first.line));
  }
  if (index >= rows.length) {
    problems.push(problem('TABLE_WITHOUT_INDICATORS', `第 ${first.line} 行：项目「${name}」的表中没有“一级指标 / 二级指标 / 指标值”表头，未读到指标`, 'warning', first.line));
    return { department, sheet: project, line: first.line };
  }
  project.indicators = readIndicatorRows(rows.slice(index), problems);
  if (project.indicators.length === 0) {
    problems.push(problem('TABLE_WITHOUT_INDICATORS', `第 ${first.line} 行：项目「${name}」的表中没有读到任何指标`, 'warning', first.line));
  }
  return { department, sheet: project, line: first.line };
}
