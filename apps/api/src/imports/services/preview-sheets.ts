import type { Dataset, DatasetIndicator, ImportPreviewIndicator, ImportPreviewSheet, ReadOrigin } from '@jixiao/contracts';
import { parseTarget, type ScoringScheme, type TargetSpec } from '@jixiao/domain';
import { findExistingProject } from '../../datasets/services/dataset-merge.service';
import { reviewStoredSheet } from '../../target-sheets/services/sheet-review';
import type { ExistingDepartmentYear } from '../../target-sheets/services/department-years.service';

/** The schemes the review checks first levels against, by kind of sheet (the region's, else the national one). */
export interface PreviewSchemes {
  project: ScoringScheme;
  department: ScoringScheme;
}

/**
 * Every sheet of a valid dataset as the preview shows it: each indicator with its parsed target and the
 * parser's warnings, the review findings of the sheet (the same function the editor's sheet view uses,
 * reviewStoredSheet), whether it already exists, and where the reader found it.
 */
export function previewSheets(
  dataset: Dataset,
  origins: readonly ReadOrigin[],
  existing: ExistingDepartmentYear | null,
  schemes: PreviewSchemes,
): ImportPreviewSheet[] {
  const year = dataset.fiscalYear;
  const originOf = (sheet: 'department' | number) => origins.find((o) => o.sheet === sheet) ?? null;
  const parse = (rows: DatasetIndicator[]) =>
    rows.map((row) => ({ row, parsed: parseTarget(row.target, { level1: row.level1, level2: row.level2, name: row.name, fiscalYear: year }) }));
  const indicatorsOf = (parsed: ReturnType<typeof parse>): ImportPreviewIndicator[] =>
    parsed.map(({ row, parsed: p }) => ({ level1: row.level1, level2: row.level2, name: row.name, target: row.target, spec: p.spec, warnings: p.warnings }));
  const stored = (parsed: ReturnType<typeof parse>) =>
    parsed.map(({ row, parsed: p }) => ({ level1: row.level1, level2: row.level2, name: row.name, targetText: row.target, spec: p.spec as TargetSpec, weight: null }));

  const sheets: ImportPreviewSheet[] = [];
  const ds = dataset.departmentSheet;
  if (ds) {
    const parsed = parse(ds.indicators);
    sheets.push({
      sheet: 'department', kind: 'department', name: dataset.department.name, code: dataset.department.code, unitCode: null,
      amountTotal: ds.budget.total, origin: originOf('department'),
      exists: (existing?.departmentSheetId ?? null) !== null, existingSheetId: existing?.departmentSheetId ?? null,
      indicators: indicatorsOf(parsed),
      findings: reviewStoredSheet({ fiscalYear: year, kind: 'department', budgetTotal: ds.budget.total }, null, stored(parsed), [], schemes.department),
    });
  }
  dataset.projects.forEach((project, index) => {
    const parsed = parse(project.indicators);
    const found = existing ? findExistingProject(existing.projects, project) : null;
    sheets.push({
      sheet: index, kind: 'project', name: project.name, code: project.code, unitCode: project.unitCode,
      amountTotal: project.amount.total, origin: originOf(index),
      exists: found !== null, existingSheetId: found?.sheetId ?? null,
      indicators: indicatorsOf(parsed),
      findings: reviewStoredSheet(
        { fiscalYear: year, kind: 'project', budgetTotal: null }, { amountTotal: project.amount.total }, stored(parsed), project.spendingPlan, schemes.project,
      ),
    });
  });
  return sheets;
}
