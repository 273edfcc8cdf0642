/**
 * The layout model of the national 项目支出绩效自评表 (and of the 部门整体支出绩效自评表 of a
 * department sheet), built from a sheet's EvaluationResponse. Pure: no I/O; the .xlsx and .pdf
 * writers draw exactly this grid.
 *
 * Layout (9 columns, as the national form of 财预〔2020〕10号 lays it out):
 *
 *   项目名称 | name ............................................................
 *   主管部门 | department ......... | 实施单位 | unit ..............................
 *   项目资金 |               | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *   （万元） | 年度资金总额    |    …       |    …       |    …       |  10  |   …    |  …
 *            | 其中：当年财政拨款 | …    |    …       |    …       |  —   |   …    |  —
 *            | 上年结转资金    | …          |            |            |  —   |        |  —
 *            | 其他资金        | …          |            |            |  —   |        |  —
 *   年度总体 | 预期目标 ................... | 实际完成情况 ...................................
 *   目标     | goals ...................... | generated sentence .............................
 *   绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 *            | 产出指标（50分） merged | 数量指标 merged | …
 *   总分 ..................................................... | 100 | 82.33 | 评价等级：良
 *
 * Money is shown in 万元 (from decimal 元 strings, half-up, two places by default); rates and scores
 * are the evaluation's own (computed from 元). An unmet indicator carries its flag (未完成（严重）
 * and 完成率 36.00%) in the 实际完成值 cell; an overridden score shows the computed score, the
 * reviewer's score and the reason in the 偏差原因 cell.
 */
import type { EvaluationResponse, IndicatorScoreResponse } from '@jixiao/contracts';
import { compareMoney, formatBeijingTime, isMoney, Money, moneyRate, subtractMoney } from '@jixiao/domain';
import {
  DEFAULT_WAN_PLACES,
  describeResults,
  goalsText,
  rateText,
  scoreText,
  sortedIndicators,
  sumDecimal,
  unmetFlagLine,
  wan,
  weightText,
} from './report-format';

/** One money line of the funding block, in 元 (two places); null where not known. */
export interface FundingFigures {
  initial?: Money | null; // 年初预算数
  budget?: Money | null; // 全年预算数
  spent?: Money | null; // 全年执行数
}

/**
 * What the EvaluationResponse does not carry and the caller may know. Every field is optional;
 * without it the table shows what can be derived (see `fundingRows`) and leaves the rest blank.
 */
export interface SelfAssessmentExtras {
  /** 实施单位; default: the project's unit, else the department. */
  implementingUnit?: string | null;
  /** 年初预算数 / 全年预算数 / 全年执行数 of 年度资金总额 and of its parts. */
  funding?: {
    total?: FundingFigures; // default: initial = budget = the evaluation's budget, spent = its spent
    fiscal?: FundingFigures; // 当年财政拨款
    carryOver?: FundingFigures; // 上年结转资金
    other?: FundingFigures; // 其他资金
  };
  /** 实际完成情况 written by the unit; replaces the generated sentence. */
  completionSummary?: string | null;
  /** Decimals of 万元 amounts (2 to 6; 6 shows every cent). Default 2. */
  wanPlaces?: number;
}

export type RowKind = 'identity' | 'funding-header' | 'funding' | 'goals-header' | 'goals' | 'indicator-header' | 'indicator' | 'total';
export type CellStyle = 'label' | 'header' | 'text' | 'value' | 'number' | 'total';
export type CellTone = 'normal' | 'unmet' | 'override';

/** A cell of the grid, placed in the row where it starts. */
export interface TableCell {
  col: number; // 0-based
  colSpan: number;
  rowSpan: number;
  text: string; // may contain '\n'
  style: CellStyle;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  tone: CellTone;
  /** The value as a decimal string where a spreadsheet should hold a number (万元, scores). */
  number: string | null;
  numberFormat: string | null; // Excel number format for `number`
}

export interface TableRow {
  kind: RowKind;
  cells: TableCell[];
  indicatorId?: string;
}

export interface TableColumn {
  key: string;
  header: string; // the indicator table's column header
  width: number; // in characters of the spreadsheet's default font (a CJK character counts 2)
}

export interface SelfAssessmentTable {
  kind: EvaluationResponse['kind'];
  title: string; // 项目支出绩效自评表 / 部门整体支出绩效自评表
  subtitle: string; // （2024年度）
  sheetName: string; // worksheet name (≤ 31 characters)
  columns: TableColumn[];
  rows: TableRow[];
  /** Index of the indicator table's header row, repeated at the top of every following page. */
  indicatorHeaderRow: number;
  notes: string[]; // printed under the table
  total: string;
  gradeLabel: string;
}

export const COLUMNS: readonly TableColumn[] = [
  { key: 'section', header: '', width: 12 },
  { key: 'level1', header: '一级指标', width: 11 },
  { key: 'level2', header: '二级指标', width: 12 },
  { key: 'name', header: '三级指标', width: 26 },
  { key: 'target', header: '年度指标值', width: 14 },
  { key: 'actual', header: '实际完成值', width: 16 },
  { key: 'weight', header: '分值', width: 7 },
  { key: 'score', header: '得分', width: 8 },
  { key: 'deviation', header: '偏差原因分析及改进措施', width: 37 },
];

const LAST = COLUMNS.length - 1;
const MONEY_FORMAT = '#,##0.00';

function cell(col: number, text: string, options: Partial<Omit<TableCell, 'col' | 'text'>> = {}): TableCell {
  return {
    col,
    colSpan: 1,
    rowSpan: 1,
    text,
    style: 'value',
    align: 'center',
    bold: false,
    tone: 'normal',
    number: null,
    numberFormat: null,
    ...options,
  };
}

const label = (col: number, text: string, options: Partial<TableCell> = {}): TableCell => cell(col, text, { style: 'label', bold: true, ...options });
const header = (col: number, text: string, options: Partial<TableCell> = {}): TableCell => cell(col, text, { style: 'header', bold: true, ...options });
const text = (col: number, value: string, options: Partial<TableCell> = {}): TableCell => cell(col, value, { style: 'text', align: 'left', ...options });

/** A money cell in 万元; blank when unknown. */
function money(col: number, yuan: Money | null | undefined, places: number): TableCell {
  const shown = wan(yuan, places);
  return cell(col, shown, { style: 'number', align: 'right', number: shown === '' ? null : shown, numberFormat: shown === '' ? null : moneyFormat(places) });
}

function moneyFormat(places: number): string {
  return places === 2 ? MONEY_FORMAT : `#,##0.${'0'.repeat(places)}`;
}

/** A score or weight cell: the text shown, and the number for a spreadsheet. */
function scoreCell(col: number, value: string | null, kind: 'weight' | 'score', options: Partial<TableCell> = {}): TableCell {
  const shown = kind === 'weight' ? weightText(value) : scoreText(value);
  return cell(col, shown, { number: shown === '—' ? null : shown, numberFormat: shown === '—' ? null : kind === 'weight' ? 'General' : '0.00', ...options });
}

/** Builds the 自评表 layout model of one evaluated sheet. */
export function buildSelfAssessmentTable(evaluation: EvaluationResponse, extras: SelfAssessmentExtras = {}): SelfAssessmentTable {
  const places = extras.wanPlaces ?? DEFAULT_WAN_PLACES;
  if (!Number.isInteger(places) || places < 2 || places > 6) throw new Error(`wanPlaces must be an integer from 2 to 6, got ${places}`);
  const isDepartment = evaluation.kind === 'department';
  const title = isDepartment ? '部门整体支出绩效自评表' : '项目支出绩效自评表';
  const rows: TableRow[] = [];

  // 项目名称 / 主管部门 / 实施单位 (部门名称 for a department sheet)
  if (isDepartment) {
    rows.push({ kind: 'identity', cells: [label(0, '部门（单位）\n名称'), text(1, evaluation.department.name, { colSpan: 3 }), label(4, '部门编码'), text(5, evaluation.department.code ?? '', { colSpan: 4 })] });
  } else {
    const project = evaluation.project;
    const projectName = project === null ? '' : project.code ? `${project.name}（${project.code}）` : project.name;
    rows.push({ kind: 'identity', cells: [label(0, '项目名称'), text(1, projectName, { colSpan: LAST })] });
    const unit = extras.implementingUnit ?? project?.unit?.name ?? evaluation.department.name;
    rows.push({ kind: 'identity', cells: [label(0, '主管部门'), text(1, evaluation.department.name, { colSpan: 3 }), label(4, '实施单位'), text(5, unit, { colSpan: 4 })] });
  }

  // 项目资金（万元）: 年度资金总额 and its parts
  const funding = fundingRows(evaluation, extras);
  const budget = evaluation.budgetExecution;
  rows.push({
    kind: 'funding-header',
    cells: [
      label(0, isDepartment ? '年度预算\n执行情况\n（万元）' : '项目资金\n（万元）', { rowSpan: 5 }),
      header(1, '', { colSpan: 2 }),
      header(3, '年初预算数'),
      header(4, '全年预算数'),
      header(5, '全年执行数'),
      header(6, '分值'),
      header(7, '执行率'),
      header(8, '得分'),
    ],
  });
  funding.forEach((line, index) => {
    const isTotal = index === 0;
    const rate = isTotal ? budget.ratio : line.budget && line.spent && isMoney(line.budget) && isMoney(line.spent) ? moneyRate(line.spent, line.budget) : null;
    rows.push({
      kind: 'funding',
      cells: [
        text(1, line.label, { colSpan: 2, bold: isTotal }),
        money(3, line.initial, places),
        money(4, line.budget, places),
        money(5, line.spent, places),
        isTotal ? scoreCell(6, budget.weight, 'weight') : cell(6, '—'),
        cell(7, isTotal || rate !== null ? rateText(rate) : ''),
        isTotal ? scoreCell(8, budget.score, 'score', { bold: true }) : cell(8, '—'),
      ],
    });
  });

  // 年度总体目标: 预期目标 | 实际完成情况
  const summary = extras.completionSummary?.trim() || describeResults(evaluation, places);
  rows.push({ kind: 'goals-header', cells: [label(0, '年度总体目标', { rowSpan: 2 }), header(1, '预期目标', { colSpan: 4 }), header(5, '实际完成情况', { colSpan: 4 })] });
  rows.push({ kind: 'goals', cells: [text(1, goalsText(evaluation.goals), { colSpan: 4 }), text(5, summary, { colSpan: 4 })] });

  // 绩效指标
  const indicators = sortedIndicators(evaluation);
  const indicatorHeaderRow = rows.length;
  rows.push({
    kind: 'indicator-header',
    cells: [label(0, '绩效指标', { rowSpan: indicators.length + 1 }), ...COLUMNS.slice(1).map((column, index) => header(index + 1, column.header))],
  });
  for (const row of indicatorRows(evaluation, indicators)) rows.push(row);

  // 总分
  const weights = sumDecimal([budget.weight, ...evaluation.groups.map((group) => group.weight)]);
  rows.push({
    kind: 'total',
    cells: [
      label(0, '总分', { colSpan: 6, style: 'total' }),
      scoreCell(6, weights.toString(), 'weight', { style: 'total', bold: true }),
      scoreCell(7, evaluation.total, 'score', { style: 'total', bold: true }),
      cell(8, `评价等级：${evaluation.gradeLabel}`, { style: 'total', bold: true }),
    ],
  });

  return {
    kind: evaluation.kind,
    title,
    subtitle: `（${evaluation.fiscalYear}年度）`,
    sheetName: title,
    columns: [...COLUMNS],
    rows,
    indicatorHeaderRow,
    notes: notes(evaluation, places),
    total: scoreText(evaluation.total),
    gradeLabel: evaluation.gradeLabel,
  };
}

export interface FundingLine {
  label: string;
  initial: Money | null;
  budget: Money | null;
  spent: Money | null;
}

/**
 * The four money lines. 年度资金总额: the evaluation's budget and spending (年初预算数 defaults to the
 * 全年预算数: the sheet keeps no earlier amount). A part's budget comes from the project's amounts
 * (财政 + 其他 = 总额). A part's spending is derived only where it is certain: a part whose budget is
 * the whole total spent everything that was spent, a part with no money spent nothing; anything
 * else is left blank unless `extras` gives it.
 */
export function fundingRows(evaluation: EvaluationResponse, extras: SelfAssessmentExtras = {}): FundingLine[] {
  const given = extras.funding ?? {};
  const budget = evaluation.budgetExecution;
  const totalBudget = given.total?.budget ?? budget.budget;
  const totalSpent = given.total?.spent ?? budget.spent;
  const total: FundingLine = { label: '年度资金总额', initial: given.total?.initial ?? totalBudget, budget: totalBudget, spent: totalSpent };

  const amount = evaluation.project?.amount ?? null;
  const fiscalFromTotal = amount !== null && amount.fiscal === null && amount.other !== null ? subtractMoney(amount.total, amount.other) : null;
  const part = (key: 'fiscal' | 'carryOver' | 'other', lineLabel: string, fromProject: Money | null): FundingLine => {
    const lineBudget = given[key]?.budget ?? fromProject;
    let derivedSpent: Money | null = null;
    if (lineBudget !== null && compareMoney(lineBudget, '0.00') === 0) derivedSpent = '0.00';
    else if (lineBudget !== null && totalBudget !== null && compareMoney(lineBudget, totalBudget) === 0) derivedSpent = totalSpent;
    return { label: lineLabel, initial: given[key]?.initial ?? lineBudget, budget: lineBudget, spent: given[key]?.spent ?? derivedSpent };
  };
  return [
    total,
    part('fiscal', '其中：当年财政拨款', amount?.fiscal ?? fiscalFromTotal),
    part('carryOver', '上年结转资金', null),
    part('other', '其他资金', amount?.other ?? null),
  ];
}

/** Groups the indicators as the national table does (一级, then 二级, in first-appearance order) with the merged cells. */
function indicatorRows(evaluation: EvaluationResponse, indicators: readonly IndicatorScoreResponse[]): TableRow[] {
  const level1Groups = new Map<string, Map<string, IndicatorScoreResponse[]>>();
  for (const indicator of indicators) {
    const level1 = indicator.level1.trim();
    let level2Groups = level1Groups.get(level1);
    if (level2Groups === undefined) level1Groups.set(level1, (level2Groups = new Map()));
    const level2 = indicator.level2?.trim() || '—';
    const group = level2Groups.get(level2);
    if (group === undefined) level2Groups.set(level2, [indicator]);
    else group.push(indicator);
  }

  // 产出指标（50分）: the group's weight where this 一级指标 is the only one of its scoring group
  const level1sOfGroup = new Map<string, Set<string>>();
  for (const indicator of indicators) {
    const names = level1sOfGroup.get(indicator.group) ?? new Set<string>();
    names.add(indicator.level1.trim());
    level1sOfGroup.set(indicator.group, names);
  }
  const groupWeight = new Map(evaluation.groups.map((group) => [group.group as string, group.weight]));
  const level1Label = (level1: string, sample: IndicatorScoreResponse): string => {
    const weight = groupWeight.get(sample.group);
    return weight !== undefined && level1sOfGroup.get(sample.group)?.size === 1 ? `${level1}\n（${weightText(weight)}分）` : level1;
  };

  const rows: TableRow[] = [];
  for (const [level1, level2Groups] of level1Groups) {
    const level1Size = [...level2Groups.values()].reduce((sum, group) => sum + group.length, 0);
    let firstInLevel1 = true;
    for (const [level2, group] of level2Groups) {
      group.forEach((indicator, index) => {
        const cells: TableCell[] = [];
        if (firstInLevel1) cells.push(cell(1, level1Label(level1, indicator), { rowSpan: level1Size, bold: true }));
        if (index === 0) cells.push(cell(2, level2, { rowSpan: group.length }));
        cells.push(...indicatorCells(indicator));
        rows.push({ kind: 'indicator', cells, indicatorId: indicator.indicatorId });
        firstInLevel1 = false;
      });
    }
  }
  return rows;
}

function indicatorCells(indicator: IndicatorScoreResponse): TableCell[] {
  const flag = unmetFlagLine(indicator);
  const actual = flag === null ? indicator.actualText : indicator.actualText === '未填报' ? flag : `${indicator.actualText}\n${flag}`;
  return [
    text(3, indicator.name),
    cell(4, indicator.target),
    cell(5, actual, flag === null ? {} : { tone: 'unmet', bold: true }),
    scoreCell(6, indicator.weight, 'weight'),
    scoreCell(7, indicator.score, 'score', indicator.override === null ? {} : { tone: 'override', bold: true }),
    text(8, deviationText(indicator), indicator.override !== null ? { tone: 'override' } : indicator.unmet !== null ? { tone: 'unmet' } : {}),
  ];
}

/**
 * 偏差原因分析及改进措施: the reviewer's adjustment first (计算得分 9.80，评价人调整为 9.00：理由),
 * then, for an unmet indicator or any recorded reason, 偏差原因 and 改进措施 — saying so when the
 * unit has not written them yet.
 */
export function deviationText(indicator: IndicatorScoreResponse): string {
  const lines: string[] = [];
  if (indicator.override !== null) {
    const by = indicator.override.by ? `（${indicator.override.by}）` : '';
    lines.push(`计算得分 ${scoreText(indicator.computedScore)}，评价人${by}调整为 ${scoreText(indicator.override.score)}：${indicator.override.reason}`);
  }
  if (indicator.unmet === 'missing') lines.push('未录入年终实际完成值，按 0 分计');
  const reason = indicator.deviationReason?.trim() ?? '';
  const measures = indicator.measures?.trim() ?? '';
  if (indicator.unmet !== null && indicator.unmet !== 'missing' || reason !== '' || measures !== '') {
    lines.push(`偏差原因：${reason === '' ? '未填写（请补充）' : reason}`);
    lines.push(`改进措施：${measures === '' ? '未填写（请补充）' : measures}`);
  }
  return lines.join('\n');
}

function notes(evaluation: EvaluationResponse, places: number): string[] {
  const budget = evaluation.budgetExecution;
  const list = [
    `注：1. 金额单位为万元，由元四舍五入保留${places === 2 ? '两' : String(places)}位小数；执行率和得分按元计算。`,
    `2. 评分方案「${evaluation.scheme.name}」${evaluation.scheme.version === null ? '' : `（第 ${evaluation.scheme.version} 版）`}${evaluation.stale ? '，方案已修改，得分待重新计算' : ''}。分值：预算执行率 ${weightText(budget.weight)} 分，${evaluation.groups.map((group) => `${group.label} ${weightText(group.weight)} 分`).join('，')}；一级指标内未设权重的平均分配。` +
      '得分 = 分值 × min(完成率, 1)；未录入年终实际完成值的指标记 0 分。',
    '3. 评价等级：总分 ≥ 90 分为优，80（含）至 90 分为良，60（含）至 80 分为中，60 分以下为差。',
  ];
  const spentOver = budget.budget !== null && budget.spent !== null && compareMoney(budget.spent, budget.budget) > 0;
  if (spentOver) list.push(`4. 全年执行数超过全年预算数 ${wan(subtractMoney(budget.spent!, budget.budget!), places)} 万元，执行率按 100% 计分。`);
  list.push(`计算时间：${formatBeijingTime(evaluation.computedAt)}（北京时间）`);
  return list;
}
