/**
 * The draft 自评报告 of one department for one fiscal year, written from its evaluated sheets — the
 * department sheet (部门整体支出) and its project sheets (项目支出) — and its budget figures.
 * Pure: a structured document (title, sections of paragraphs and small tables) that the .docx
 * writer lays out. The usual five sections of the reports published in this field:
 * 一、基本情况 二、绩效目标完成情况 三、偏差及原因分析 四、改进措施及结果应用 五、自评结论.
 *
 * Every number comes from the inputs: 万元 from decimal 元 strings (two places, half-up), rates and
 * scores as the evaluations computed them; sums and averages are exact decimals.
 */
import type { EvaluationResponse, IndicatorScoreResponse, OrganizationRef } from '@jixiao/contracts';
import { formatRate, Grade, GRADE_LABELS, isMoney, Money, moneyRate, subtractMoney, sumMoney } from '@jixiao/domain';
import Big from 'big.js';
import {
  goalsText,
  indicatorCounts,
  rateText,
  scoreText,
  severityBreakdown,
  belowThreshold,
  EXECUTION_RATE_THRESHOLD,
  sortedIndicators,
  UNMET_SEVERITY_LABELS,
  unmetMention,
  wan,
  weightText,
} from './report-format';
import { DepartmentFinanceFigures, departmentFinanceSentences } from './department-finance';

export type { DepartmentFinanceFigures } from './department-finance';

export interface DepartmentReportInput {
  fiscalYear: number;
  department: OrganizationRef;
  /** 部门主要职能, one paragraph each (from the department's own 部门概况); a placeholder asks for it when absent. */
  functions?: readonly string[] | null;
  /** 年度主要任务 of the department-wide sheet. */
  tasks?: readonly { name: string; content: string | null; amount: Money | null }[] | null;
  departmentSheet: EvaluationResponse | null; // 部门整体支出绩效 (kind 'department')
  projectSheets: readonly EvaluationResponse[]; // 项目支出绩效 (kind 'project')
  /** Sheets in effect that have no evaluation yet (names), said so in the report. */
  pendingSheets?: readonly string[] | null;
  finance: DepartmentFinanceFigures;
  /** Further 改进措施 the department writes itself, one paragraph each. */
  measures?: readonly string[] | null;
  /** 报告日期 'YYYY-MM-DD'; shown under the signature. */
  reportDate?: string | null;
}

export type ReportBlock =
  | { kind: 'subheading'; text: string } // （一）…
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string | null; columns: string[]; rows: string[][]; numeric: boolean[] };

export interface ReportSection {
  heading: string; // 一、基本情况
  blocks: ReportBlock[];
}

export interface ReportDocument {
  title: string;
  subtitle: string | null;
  sections: ReportSection[];
  signature: string[]; // right-aligned lines at the end: the department, the date
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** （一）, （二） … (after 二十: （21）). */
export function subNumber(index: number): string {
  return `（${CHINESE_NUMBERS[index] ?? String(index + 1)}）`;
}

const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
const subheading = (text: string): ReportBlock => ({ kind: 'subheading', text });

function sheetName(sheet: EvaluationResponse): string {
  return sheet.kind === 'department' ? '部门整体支出' : (sheet.project?.name ?? '未命名项目');
}

/** Builds the draft report. Throws when a sheet belongs to another department or year. */
export function buildDepartmentReport(input: DepartmentReportInput): ReportDocument {
  const sheets = [...(input.departmentSheet ? [input.departmentSheet] : []), ...input.projectSheets];
  for (const sheet of sheets) {
    if (sheet.department.id !== input.department.id) throw new Error(`目标表 ${sheet.sheetId} 不属于 ${input.department.name}`);
    if (sheet.fiscalYear !== input.fiscalYear) throw new Error(`目标表 ${sheet.sheetId} 属于 ${sheet.fiscalYear} 年度，不是 ${input.fiscalYear} 年度`);
  }
  if (input.departmentSheet && input.departmentSheet.kind !== 'department') throw new Error('departmentSheet 必须是部门整体绩效目标表');
  if (input.projectSheets.some((sheet) => sheet.kind !== 'project')) throw new Error('projectSheets 只能包含项目支出绩效目标表');
  const amounts: [string, unknown][] = [
    ['budget', input.finance.budget],
    ['spent', input.finance.spent],
    ...Object.entries(input.finance.departmentBudget ?? {}).map(([key, value]): [string, unknown] => [`departmentBudget.${key}`, value]),
    ...Object.entries(input.finance.spentParts ?? {}).map(([key, value]): [string, unknown] => [`spentParts.${key}`, value]),
  ];
  for (const [label, value] of amounts) {
    if (value !== null && value !== undefined && !isMoney(value)) throw new Error(`finance.${label} 不是有效金额（元，两位小数）：${String(value)}`);
  }

  const kindTitle = input.departmentSheet ? '部门整体支出绩效自评报告' : '项目支出绩效自评报告';
  const sections = [basicSection(input), completionSection(input, sheets), deviationSection(input, sheets), measuresSection(input, sheets), conclusionSection(input, sheets)];
  let tableNumber = 0;
  for (const block of sections.flatMap((section) => section.blocks)) {
    if (block.kind === 'table' && block.caption !== null) block.caption = `表${++tableNumber} ${block.caption}`;
  }
  return {
    title: `${input.department.name}${input.fiscalYear}年度${kindTitle}`,
    subtitle: '（初稿：由系统根据自评结果生成，请核实补充后定稿）',
    sections,
    signature: [input.department.name, ...(input.reportDate ? [formatChineseDate(input.reportDate)] : [])],
  };
}

/** A sentence without its closing punctuation, to end it with 。 ourselves. */
function withoutEndPunctuation(text: string): string {
  return text.replace(/[。；;，,.！!]+$/, '');
}

/** Goals in one sentence: `目标1：…；目标2：…。`. */
function inlineGoals(goals: readonly string[]): string {
  const lines = goalsText(goals).split('\n').map(withoutEndPunctuation);
  return `${lines.join('；')}。`;
}

/** '2025-01-20' → '2025年1月20日'. */
export function formatChineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new Error(`日期格式应为 YYYY-MM-DD：${date}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

// 一、基本情况 ------------------------------------------------------------------------------------

function basicSection(input: DepartmentReportInput): ReportSection {
  const blocks: ReportBlock[] = [];
  const projects = input.projectSheets;

  blocks.push(subheading(`${subNumber(0)}部门职能`));
  const functions = (input.functions ?? []).map((line) => line.trim()).filter((line) => line !== '');
  if (functions.length > 0) for (const line of functions) blocks.push(paragraph(line));
  else blocks.push(paragraph(`（请补充${input.department.name}的主要职能、机构设置和人员情况。）`));
  const scope = [input.departmentSheet ? '部门整体支出绩效目标 1 个' : null, projects.length > 0 ? `项目支出绩效目标 ${projects.length} 个` : null].filter(Boolean).join('、');
  blocks.push(paragraph(`${input.fiscalYear}年度，${input.department.name}纳入绩效自评的有${scope === '' ? '0 个绩效目标' : scope}。`));
  if (input.departmentSheet && input.departmentSheet.goals.length > 0) {
    blocks.push(paragraph(`部门年度总体目标：${inlineGoals(input.departmentSheet.goals)}`));
  }
  const tasks = (input.tasks ?? []).filter((task) => task.name.trim() !== '');
  if (tasks.length > 0) {
    const items = tasks.map((task, index) => {
      const content = task.content?.trim() ? `：${withoutEndPunctuation(task.content.trim())}` : '';
      const amount = task.amount ? `（${wan(task.amount)} 万元）` : '';
      return `${index + 1}. ${task.name.trim()}${content}${amount}`;
    });
    blocks.push(paragraph(`年度主要任务：${items.join('；')}。`));
  }
  const pending = (input.pendingSheets ?? []).filter((name) => name.trim() !== '');
  if (pending.length > 0) blocks.push(paragraph(`另有 ${pending.length} 个目标表尚未计算自评得分，未纳入本报告：${pending.join('、')}。`));

  blocks.push(subheading(`${subNumber(1)}项目概况`));
  if (projects.length === 0) {
    blocks.push(paragraph('本年度没有纳入自评的项目支出。'));
  } else {
    const budgets = projects.map((sheet) => sheet.budgetExecution.budget ?? '0.00');
    blocks.push(paragraph(`本年度纳入自评的项目 ${projects.length} 个，预算合计 ${wan(sumMoney(budgets))} 万元。`));
    projects.forEach((sheet, index) => {
      const amount = sheet.budgetExecution.budget === null ? '' : `（${wan(sheet.budgetExecution.budget)} 万元）`;
      const unit = sheet.project?.unit?.name ? `，实施单位${sheet.project.unit.name}` : '';
      const purpose = sheet.project?.purpose?.trim() || inlineGoals(sheet.goals);
      blocks.push(paragraph(`${index + 1}. ${sheetName(sheet)}${amount}${unit}：${purpose}`));
    });
    blocks.push({
      kind: 'table',
      caption: '项目预算执行及自评情况（金额单位：万元）',
      columns: ['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '等级'],
      rows: projects.map((sheet, index) => [
        String(index + 1),
        sheetName(sheet),
        wan(sheet.budgetExecution.budget),
        wan(sheet.budgetExecution.spent),
        rateText(sheet.budgetExecution.ratio),
        scoreText(sheet.total),
        sheet.gradeLabel,
      ]),
      numeric: [false, false, true, true, true, true, false],
    });
  }

  blocks.push(subheading(`${subNumber(2)}预算与执行`));
  const finance = input.finance;
  const rate = moneyRate(finance.spent, finance.budget);
  for (const sentence of departmentFinanceSentences(input.fiscalYear, finance)) blocks.push(paragraph(sentence));
  if (projects.length > 0) {
    const budget = sumMoney(projects.map((sheet) => sheet.budgetExecution.budget ?? '0.00'));
    const spent = sumMoney(projects.map((sheet) => sheet.budgetExecution.spent ?? '0.00'));
    blocks.push(paragraph(`纳入自评的 ${projects.length} 个项目预算合计 ${wan(budget)} 万元，执行 ${wan(spent)} 万元，执行率 ${rateText(moneyRate(spent, budget))}。`));
  }
  if (belowThreshold(rate)) {
    blocks.push(paragraph(`部门预算执行率低于 ${formatRate(EXECUTION_RATE_THRESHOLD)}，未执行 ${wan(subtractMoney(finance.budget, finance.spent))} 万元，原因见第三部分。`));
  }
  return { heading: '一、基本情况', blocks };
}

// 二、绩效目标完成情况 ------------------------------------------------------------------------------

function completionSection(input: DepartmentReportInput, sheets: readonly EvaluationResponse[]): ReportSection {
  const blocks: ReportBlock[] = [];
  if (sheets.length === 0) blocks.push(paragraph('本年度没有已完成自评的绩效目标表。'));
  sheets.forEach((sheet, index) => {
    blocks.push(subheading(`${subNumber(index)}${sheet.kind === 'department' ? '部门整体绩效目标完成情况' : `${sheetName(sheet)}绩效目标完成情况`}`));
    const indicators = sortedIndicators(sheet);
    const counts = indicatorCounts(indicators);
    const budget = sheet.budgetExecution;
    const breakdown = severityBreakdown(counts.bySeverity);
    blocks.push(
      paragraph(
        (counts.unmet === 0
          ? `共设置绩效指标 ${counts.total} 项，全部完成。`
          : `共设置绩效指标 ${counts.total} 项，完成 ${counts.met} 项，未完成 ${counts.unmet} 项${breakdown === '' ? '' : `（${breakdown}）`}。`) +
          (budget.budget !== null && budget.spent !== null
            ? `全年预算 ${wan(budget.budget)} 万元，执行 ${wan(budget.spent)} 万元，预算执行率 ${rateText(budget.ratio)}，得 ${scoreText(budget.score)} 分（满分 ${weightText(budget.weight)} 分）。`
            : '') + `按评分方案「${sheet.scheme.name}」计分${sheet.stale ? '（该方案已修改，得分待重新计算）' : ''}。`,
      ),
    );
    for (const group of sheet.groups) {
      const members = indicators.filter((indicator) => indicator.group === group.group);
      if (members.length === 0) {
        blocks.push(paragraph(`${group.label}：未设置指标，得 0.00 分（满分 ${weightText(group.weight)} 分）。`));
        continue;
      }
      const met = members.filter((indicator) => indicator.unmet === null && indicator.completion?.met === true).length;
      blocks.push(
        paragraph(
          `${group.label}：设置 ${members.length} 项，完成 ${met} 项，得 ${scoreText(group.score)} 分（满分 ${weightText(group.weight)} 分）。` +
            `${members.map(indicatorSentence).join('；')}。`,
        ),
      );
    }
    blocks.push({
      kind: 'table',
      caption: `${sheetName(sheet)}绩效指标完成情况`,
      columns: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      rows: indicators.map((indicator) => [
        indicator.level1,
        indicator.level2 ?? '—',
        indicator.name,
        indicator.target,
        indicator.unmet === null ? indicator.actualText : `${indicator.actualText}（${indicator.unmet === 'missing' ? '未完成' : `未完成，${UNMET_SEVERITY_LABELS[indicator.unmet]}`}）`,
        weightText(indicator.weight),
        scoreText(indicator.score),
      ]),
      numeric: [false, false, false, false, false, true, true],
    });
  });
  return { heading: '二、绩效目标完成情况', blocks };
}

/** `追回医保基金：目标值≥50万元，实际完成值18万元，完成率 36.00%，未完成（严重）`. */
export function indicatorSentence(indicator: IndicatorScoreResponse): string {
  if (indicator.unmet === 'missing') return `${indicator.name}：目标值${indicator.target}，未录入年终实际完成值，按未完成计 0 分`;
  let text = `${indicator.name}：目标值${indicator.target}，实际完成值${indicator.actualText}`;
  if (indicator.completion !== null) text += `，完成率 ${rateText(indicator.completion.ratio)}`;
  if (indicator.unmet !== null) text += `，未完成（${UNMET_SEVERITY_LABELS[indicator.unmet]}）`;
  return text;
}

// 三、偏差及原因分析 -------------------------------------------------------------------------------

function deviationSection(input: DepartmentReportInput, sheets: readonly EvaluationResponse[]): ReportSection {
  const blocks: ReportBlock[] = [];
  const lines: string[] = [];
  const rate = moneyRate(input.finance.spent, input.finance.budget);
  if (belowThreshold(rate)) {
    lines.push(`部门预算执行率 ${rateText(rate)}，低于 ${formatRate(EXECUTION_RATE_THRESHOLD)}：预算 ${wan(input.finance.budget)} 万元，支出 ${wan(input.finance.spent)} 万元。偏差原因：（请补充）`);
  }
  for (const sheet of sheets) {
    const budget = sheet.budgetExecution;
    if (sheet.kind === 'project' && belowThreshold(budget.ratio) && budget.budget !== null && budget.spent !== null) {
      lines.push(
        `${sheetName(sheet)}预算执行率 ${rateText(budget.ratio)}，低于 ${formatRate(EXECUTION_RATE_THRESHOLD)}：预算 ${wan(budget.budget)} 万元，执行 ${wan(budget.spent)} 万元，` +
          `未执行 ${wan(subtractMoney(budget.budget, budget.spent))} 万元。偏差原因：（请补充）`,
      );
    }
    for (const indicator of sortedIndicators(sheet).filter((candidate) => candidate.unmet !== null)) lines.push(deviationLine(sheet, indicator));
  }
  const unmetTotal = sheets.reduce((sum, sheet) => sum + indicatorCounts(sheet.indicators).unmet, 0);
  if (lines.length === 0) {
    blocks.push(paragraph('本年度各项绩效指标均已完成，预算执行率均不低于 90.00%，未发现偏差。'));
  } else {
    const budgetDeviation = lines.length > unmetTotal ? '存在预算执行偏差' : '';
    const intro = unmetTotal === 0 ? `本年度绩效指标均已完成，${budgetDeviation}` : `本年度共有 ${unmetTotal} 项绩效指标未完成${budgetDeviation === '' ? '' : `，并${budgetDeviation}`}`;
    blocks.push(paragraph(`${intro}，逐项分析如下：`));
    lines.forEach((line, index) => blocks.push(paragraph(`${index + 1}. ${line}`)));
  }
  return { heading: '三、偏差及原因分析', blocks };
}

/** One unmet indicator with its numbers and the reason recorded with the year-end actual. */
export function deviationLine(sheet: EvaluationResponse, indicator: IndicatorScoreResponse): string {
  const where = `${sheetName(sheet)}「${indicator.name}」`;
  const reason = withoutEndPunctuation(indicator.deviationReason?.trim() || '未填写，请补充');
  if (indicator.unmet === 'missing') return `${where}：年度指标值${indicator.target}，未录入年终实际完成值，按 0 分计。偏差原因：${reason}。`;
  const rate = indicator.completion === null ? '' : `，完成率 ${rateText(indicator.completion.ratio)}`;
  const severity = indicator.unmet === null ? '' : `，属${UNMET_SEVERITY_LABELS[indicator.unmet]}偏差`;
  return `${where}：年度指标值${indicator.target}，实际完成值${indicator.actualText}${rate}${severity}，得 ${scoreText(indicator.score)} 分（分值 ${weightText(indicator.weight)} 分）。偏差原因：${reason}。`;
}

// 四、改进措施及结果应用 -----------------------------------------------------------------------------

function measuresSection(input: DepartmentReportInput, sheets: readonly EvaluationResponse[]): ReportSection {
  const blocks: ReportBlock[] = [subheading(`${subNumber(0)}改进措施`)];
  const unmet = sheets.flatMap((sheet) => sortedIndicators(sheet).filter((indicator) => indicator.unmet !== null).map((indicator) => ({ sheet, indicator })));
  if (unmet.length === 0) blocks.push(paragraph('各项绩效指标均已完成，继续保持现有管理措施，并结合实际合理提高下一年度目标值。'));
  unmet.forEach(({ sheet, indicator }, index) => {
    const measures = indicator.measures?.trim() || '尚未填写改进措施，请补充';
    blocks.push(paragraph(`${index + 1}. ${sheetName(sheet)}「${indicator.name}」：${withoutEndPunctuation(measures)}。`));
  });
  for (const line of (input.measures ?? []).map((text) => text.trim()).filter((text) => text !== '')) blocks.push(paragraph(line));

  blocks.push(subheading(`${subNumber(1)}结果应用`));
  const next = input.fiscalYear + 1;
  const unmetNames = unmet.map(({ indicator }) => `「${indicator.name}」`);
  blocks.push(
    paragraph(
      `1. 将本次自评结果作为${next}年度预算安排和绩效目标编制的重要依据` +
        (unmetNames.length > 0 ? `，对${unmetNames.join('、')}等未完成指标，在编制${next}年度绩效目标时合理确定指标值，并落实上述改进措施。` : '。'),
    ),
  );
  blocks.push(paragraph('2. 按规定将自评结果报送同级财政部门，并随部门决算向社会公开，接受社会监督。'));
  blocks.push(paragraph('3. 对自评发现的问题明确责任单位和整改时限，整改情况纳入下一年度绩效运行监控。'));
  return { heading: '四、改进措施及结果应用', blocks };
}

// 五、自评结论 ------------------------------------------------------------------------------------

function conclusionSection(input: DepartmentReportInput, sheets: readonly EvaluationResponse[]): ReportSection {
  const blocks: ReportBlock[] = [];
  const year = `${input.fiscalYear}年度`;
  if (input.departmentSheet) {
    const sheet = input.departmentSheet;
    blocks.push(paragraph(`经自评，${input.department.name}${year}部门整体支出绩效自评得分 ${scoreText(sheet.total)} 分，等级为“${sheet.gradeLabel}”。`));
  }
  const projects = input.projectSheets;
  if (projects.length > 0) {
    const average = projectAverage(projects);
    const grades = (['excellent', 'good', 'fair', 'poor'] as Grade[])
      .map((grade) => ({ grade, count: projects.filter((sheet) => sheet.grade === grade).length }))
      .filter(({ count }) => count > 0)
      .map(({ grade, count }) => `“${GRADE_LABELS[grade]}” ${count} 个`);
    blocks.push(paragraph(`纳入自评的 ${projects.length} 个项目平均得分 ${average} 分，其中${grades.join('、')}。`));
  }
  if (sheets.length === 0) blocks.push(paragraph('本年度没有已完成自评的绩效目标表，无法形成自评结论。'));

  const overrides = sheets.flatMap((sheet) => sheet.indicators.filter((indicator) => indicator.override !== null).map((indicator) => ({ sheet, indicator })));
  if (overrides.length > 0) {
    blocks.push(
      paragraph(
        `评价人调整得分 ${overrides.length} 项：` +
          overrides
            .map(({ sheet, indicator }) => `${sheetName(sheet)}「${indicator.name}」计算得分 ${scoreText(indicator.computedScore)}，调整为 ${scoreText(indicator.override!.score)}，理由：${indicator.override!.reason}`)
            .join('；') +
          '。',
      ),
    );
  }
  if (sheets.length > 0) {
    blocks.push({
      kind: 'table',
      caption: '自评结果汇总',
      columns: ['评价对象', '预算执行率', '自评得分', '等级', '未完成指标'],
      rows: sheets.map((sheet) => {
        const unmet = sortedIndicators(sheet).filter((indicator) => indicator.unmet !== null);
        return [sheetName(sheet), rateText(sheet.budgetExecution.ratio), scoreText(sheet.total), sheet.gradeLabel, unmet.length === 0 ? '无' : unmet.map(unmetMention).join('、')];
      }),
      numeric: [false, true, true, false, false],
    });
  }
  return { heading: '五、自评结论', blocks };
}

/** The projects' average total, exact, rounded half-up to two places. */
export function projectAverage(projects: readonly EvaluationResponse[]): string {
  if (projects.length === 0) return '—';
  return projects
    .reduce((sum, sheet) => sum.plus(sheet.total), new Big(0))
    .div(projects.length)
    .round(2, Big.roundHalfUp)
    .toFixed(2);
}
