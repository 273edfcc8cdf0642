// Assembling the sheets read from a text into one dataset per 主管部门 × year, with where each came from.
import { DATASET_FORMAT, type Dataset, type DatasetDepartmentSheet, type DatasetProject } from '../../dataset.types';
import type { ReadDataset, ReadProblem } from '../dataset-reading';
import type { DocumentDepartment } from './document-department';
import { problem } from './indicator-rows';
import type { SheetRead } from './read-project-table';
import type { SummaryRead } from './read-summary-table';
import { labelKey } from './text-normalise';

/** Everything the tables of a text gave, before it is grouped by department. */
export interface SheetsRead {
  departmentSheets: SheetRead<DatasetDepartmentSheet>[];
  projects: SheetRead<DatasetProject>[];
  summaries: SummaryRead[];
}

interface Group {
  name: string;
  code: string | null;
  units: { code: string; name: string }[];
  departmentSheet: SheetRead<DatasetDepartmentSheet> | null;
  projects: SheetRead<DatasetProject>[];
}

/** The administrative area a department's name begins with (`汉阴县医疗保障局` → `汉阴县`), or null. */
export function regionOf(departmentName: string): string | null {
  const match = /^(.{1,10}?(?:自治县|自治州|自治旗|特区|林区|县|市|区|旗))/.exec(departmentName);
  return match ? match[1] : null;
}

/**
 * One dataset per 主管部门 named by the tables; tables naming none belong to the only department named, else
 * to the department of the document (`documentDepartment`, given when no table names one).
 */
export function assembleDatasets(
  read: SheetsRead,
  fiscalYear: number,
  region: string | null | undefined,
  problems: ReadProblem[],
  ofDocument: DocumentDepartment | null = null,
): ReadDataset[] {
  const groups = new Map<string, Group>();
  const names = [
    ...read.departmentSheets.map((sheet) => sheet.department),
    ...read.projects.map((sheet) => sheet.department),
    ...read.summaries.map((summary) => summary.department),
  ].filter((name): name is string => name !== null && name !== '');
  const only = new Set(names.map(labelKey)).size === 1 ? names[0] : names.length === 0 ? (ofDocument?.name ?? null) : null;
  const groupOf = (name: string | null, line: number): Group | null => {
    const resolved = name !== null && name !== '' ? name : only;
    if (resolved === null) {
      problems.push(problem('DEPARTMENT_UNKNOWN', `第 ${line} 行：表中没有主管部门（部门名称），无法归入部门，未导入`, 'error', line));
      return null;
    }
    const key = labelKey(resolved);
    let group = groups.get(key);
    if (group === undefined) {
      const code = ofDocument !== null && labelKey(ofDocument.name) === key ? ofDocument.code : null;
      group = { name: resolved, code, units: [], departmentSheet: null, projects: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const sheet of read.departmentSheets) {
    const group = groupOf(sheet.department, sheet.line);
    if (group === null) continue;
    if (group.departmentSheet !== null) {
      problems.push(problem('DUPLICATE_DEPARTMENT_SHEET', `第 ${sheet.line} 行：「${group.name}」已有一张部门整体绩效目标表（第 ${group.departmentSheet.line} 行），这一张未导入`, 'warning', sheet.line));
    } else group.departmentSheet = sheet;
  }
  for (const summary of read.summaries) {
    const group = groupOf(summary.department, summary.projects[0]?.line ?? 0);
    if (group === null) continue;
    group.code = group.code ?? summary.departmentCode;
    for (const unit of summary.units) if (!group.units.some((known) => known.code === unit.code)) group.units.push(unit);
    group.projects.push(...summary.projects);
  }
  for (const sheet of read.projects) {
    const group = groupOf(sheet.department, sheet.line);
    if (group !== null) group.projects.push(sheet);
  }
  const datasets: ReadDataset[] = [];
  for (const group of groups.values()) {
    const sheets = [group.departmentSheet?.sheet, ...group.projects.map((project) => project.sheet)];
    if (!sheets.some((sheet) => sheet !== undefined && sheet.indicators.length > 0)) {
      const line = group.departmentSheet?.line ?? group.projects[0]?.line ?? null;
      problems.push(problem('NO_INDICATORS', `「${group.name}」的绩效目标表中没有读到任何绩效指标，未导入`, 'error', line));
      continue;
    }
    const dataset: Dataset = {
      format: DATASET_FORMAT,
      fiscalYear,
      source: null,
      region: region === undefined ? regionOf(group.name) : region,
      department: { code: group.code, name: group.name },
      units: group.units,
      departmentSheet: group.departmentSheet?.sheet ?? null,
      projects: group.projects.map((project) => project.sheet),
    };
    const origins: ReadDataset['origins'] = [];
    if (group.departmentSheet !== null) origins.push({ sheet: 'department', tab: null, row: group.departmentSheet.line });
    group.projects.forEach((project, index) => origins.push({ sheet: index, tab: null, row: project.line }));
    datasets.push({ dataset, origins });
  }
  return datasets;
}
