// The department-wide targets of a budget that gives them as prose, not as a 部门整体支出绩效目标表:
//
//   五、部门整体绩效目标
//   （一）总体绩效目标
//   我局以……                              ← introduction, not a goal
//   (一)持续推进医疗保障制度改革            ← a goal: the item's first sentence
//   (二)持续打击欺诈骗保高压态势。在全县……
//   （二）分项绩效目标                      ← the section ends (the projects' targets follow)
//
// and its budget from the document's 支出总表 (`合计 基本支出 项目支出` then `合计 3654.18 321.38 3332.80`).
import type { DatasetDepartmentSheet } from '../../dataset.types';
import { toYuan, unitNamed, type AmountUnit } from './amounts';
import type { SheetRead } from './read-project-table';
import { closeCjkGaps, labelKey } from './text-normalise';
import type { TextRow } from './text-rows';

const NUMERAL = '[一二三四五六七八九十]+';
const SECTION = new RegExp(`^(${NUMERAL}、|\\d+[.、])?部门(整体)?(支出)?绩效目标(情况)?$`);
const SUBHEADING = new RegExp(`^[(（]?${NUMERAL}[)）]?、?(总体|整体|年度)?绩效目标$`);
const SECTION_END = new RegExp(`^${NUMERAL}、|分项绩效目标|项目绩效目标`);
const ITEM = new RegExp(`^\\s*[(（]${NUMERAL}[)）]、?\\s*`);

/** The goals of the prose section, or null when the text has no such section (or no goal in it). */
function narrativeGoals(rows: TextRow[]): { goals: string[]; line: number } | null {
  const start = rows.findIndex((row) => SECTION.test(labelKey(row.raw)));
  if (start < 0) return null;
  const goals: string[] = [];
  for (const row of rows.slice(start + 1)) {
    const key = labelKey(row.raw);
    if (key === '' || SUBHEADING.test(key)) continue;
    if (SECTION_END.test(key)) break;
    if (!ITEM.test(row.raw)) continue;
    const item = closeCjkGaps(row.raw.replace(ITEM, ''));
    const sentence = /^.*?[。；;]/.exec(item);
    goals.push(sentence ? sentence[0] : item);
  }
  return goals.length === 0 ? null : { goals, line: rows[start].line };
}

/** 合计 / 基本支出 / 项目支出 of the first 支出总表: its header row, then the row led by 合计. */
function budgetOf(rows: TextRow[]): DatasetDepartmentSheet['budget'] {
  const budget: DatasetDepartmentSheet['budget'] = { total: null, basic: null, project: null };
  const header = rows.findIndex((row) => {
    const words = row.raw.trim().split(/\s+/).map(labelKey);
    return words[0] === '合计' && words.includes('基本支出') && words.includes('项目支出');
  });
  if (header < 0) return budget;
  const columns = rows[header].raw.trim().split(/\s+/).map(labelKey);
  let unit: AmountUnit = 'wan';
  for (const row of rows.slice(Math.max(0, header - 15), header).reverse()) {
    const named = /单位/.test(row.raw) ? unitNamed(row.raw) : null;
    if (named !== null) {
      unit = named;
      break;
    }
  }
  for (const row of rows.slice(header + 1, header + 25)) {
    const words = row.raw.trim().split(/\s+/);
    const at = words.findIndex((word) => labelKey(word) === '合计');
    if (at < 0) continue;
    const amounts = words.slice(at + 1).map((word) => toYuan(word, unit));
    if (amounts.length < 3 || amounts.slice(0, 3).some((amount) => amount === null)) continue;
    budget.total = amounts[columns.indexOf('合计')] ?? null;
    budget.basic = amounts[columns.indexOf('基本支出')] ?? null;
    budget.project = amounts[columns.indexOf('项目支出')] ?? null;
    break;
  }
  return budget;
}

/** The department-wide sheet of a text that has no 部门整体绩效目标表, from its prose; null when it has none. */
export function readNarrativeDepartment(rows: TextRow[]): SheetRead<DatasetDepartmentSheet> | null {
  const found = narrativeGoals(rows);
  if (found === null) return null;
  return { department: null, line: found.line, sheet: { goals: found.goals, tasks: [], budget: budgetOf(rows), indicators: [] } };
}
