import { Injectable, Logger } from '@nestjs/common';
import { checkDatasetMoneyRules, DATASET_FORMAT, Dataset, DatasetIndicator, validateDataset } from '@jixiao/contracts';
import { parseTarget } from '@jixiao/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { advisoryXactLock } from '../../core/database/locks';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { FiscalYearService } from '../../fiscal-years/fiscal-year.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import type { ProjectEntity } from '../../target-sheets/entities/project.entity';
import type { SheetTaskEntity } from '../../target-sheets/entities/sheet-task.entity';
import type { SpendingPlanPointEntity } from '../../target-sheets/entities/spending-plan-point.entity';
import type { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { DepartmentYearsService } from '../../target-sheets/services/department-years.service';

export interface DatasetImportResult {
  departmentId: string;
  fiscalYear: number;
  projectCount: number;
  indicatorCount: number;
}

/** Imports one `jixiao.dataset/v1` file in one transaction: all of it, or nothing. */
@Injectable()
export class DatasetImportService {
  private readonly logger = new Logger(DatasetImportService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly tree: OrganizationTreeService,
    private readonly fiscalYears: FiscalYearService,
    private readonly departmentYears: DepartmentYearsService,
    private readonly audit: AuditService,
  ) {}

  /** Validates, checks the caller may import into the dataset's region, and writes everything or nothing. */
  async import(input: unknown, principal: Principal | null): Promise<DatasetImportResult> {
    const dataset = this.validate(input);
    if (principal) await this.assertMayImport(dataset, principal);
    const started = Date.now();
    const result = await this.transactions.run((tx) => this.write(tx, dataset, principal));
    this.logger.log(
      `imported ${dataset.department.name} ${dataset.fiscalYear}: ${result.projectCount} projects, ${result.indicatorCount} indicators in ${Date.now() - started} ms`,
    );
    return result;
  }

  /** The same, inside a caller's transaction (demo seeding loads several files as one unit). */
  async importWithin(tx: Tx, input: unknown, principal: Principal | null): Promise<DatasetImportResult> {
    const dataset = this.validate(input);
    if (principal) await this.assertMayImport(dataset, principal);
    return this.write(tx, dataset, principal);
  }

  private validate(input: unknown): Dataset {
    const validation = validateDataset(input);
    if (!validation.ok) {
      const first = validation.errors[0];
      throw new AppException(
        ErrorCode.DATASET_INVALID,
        `数据文件有误（共 ${validation.errors.length} 处），第一处：${first.message}`,
        validation.errors,
      );
    }
    const money = checkDatasetMoneyRules(validation.dataset); // the editor's rules: nothing it would refuse
    if (money.length > 0) {
      throw new AppException(ErrorCode.DATASET_INVALID, `数据文件有误（共 ${money.length} 处），第一处：${money[0]!.message}`, money);
    }
    return validation.dataset;
  }

  private async assertMayImport(dataset: Dataset, principal: Principal): Promise<void> {
    if (principal.role === 'admin') return;
    const org = principal.organizationId ? await this.tree.findById(principal.organizationId) : null;
    if (principal.role !== 'finance_reviewer' || org?.kind !== 'finance_bureau' || org.region !== dataset.region) {
      throw new AppException(
        ErrorCode.OUTSIDE_SCOPE,
        `只能导入本财政局辖区（${org?.region ?? '无'}）的数据，此文件属于「${dataset.region ?? '未注明地区'}」/ outside your region`,
      );
    }
  }

  private async write(tx: Tx, dataset: Dataset, principal: Principal | null): Promise<DatasetImportResult> {
    const year = dataset.fiscalYear;
    // Imports into one region run one after the other: the finance bureau, department and units are
    // found or created on first use, so a simultaneous import of the same department sees it (and its
    // year) once the first has committed, and answers 409 DATASET_ALREADY_IMPORTED instead of colliding.
    await advisoryXactLock(tx, 'datasets.import', dataset.region ?? '');
    await this.fiscalYears.ensure(tx, year);
    const bureau = dataset.region ? await this.tree.bureauOf(tx, dataset.region) : null;
    const department = await this.tree.childOf(tx, bureau, 'department', { ...dataset.department, position: 0 });
    const already = await this.departmentYears.find(department.id, year, tx);
    if (already) {
      throw new AppException(
        ErrorCode.DATASET_ALREADY_IMPORTED,
        `「${department.name}」${year} 年度的数据已经导入过，不能重复导入 / already imported`,
      );
    }
    const unitIdByCode = new Map<string, string>();
    for (const [position, unit] of dataset.units.entries()) {
      const entity = await this.tree.childOf(tx, department, 'unit', { ...unit, position });
      unitIdByCode.set(unit.code, entity.id);
    }

    const sheets: Partial<TargetSheetEntity>[] = [];
    const indicators: Partial<IndicatorEntity>[] = [];
    const planPoints: Partial<SpendingPlanPointEntity>[] = [];
    const tasks: Partial<SheetTaskEntity>[] = [];
    const projects: Partial<ProjectEntity>[] = [];
    const newSheet = (kind: 'project' | 'department', projectId: string | null, goals: string[]) => {
      const sheet: Partial<TargetSheetEntity> = {
        id: randomUUID(), kind, fiscalYear: year, departmentId: department.id, projectId,
        version: 1, isCurrent: true, status: 'draft', goals,
        budgetTotal: null, budgetBasic: null, budgetProject: null,
      };
      sheets.push(sheet);
      return sheet;
    };
    const addIndicators = (sheetId: string, rows: DatasetIndicator[]) => {
      rows.forEach((row, position) => indicators.push(toIndicator(sheetId, position, row, year)));
    };

    if (dataset.departmentSheet) {
      const ds = dataset.departmentSheet;
      const sheet = newSheet('department', null, ds.goals);
      Object.assign(sheet, { budgetTotal: ds.budget.total, budgetBasic: ds.budget.basic, budgetProject: ds.budget.project });
      ds.tasks.forEach((task, position) => tasks.push({ sheetId: sheet.id, position, ...task }));
      addIndicators(sheet.id!, ds.indicators);
    }
    dataset.projects.forEach((p, position) => {
      const project: Partial<ProjectEntity> = {
        id: randomUUID(), fiscalYear: year, departmentId: department.id,
        unitId: p.unitCode === null ? null : unitIdByCode.get(p.unitCode) ?? null,
        code: p.code, name: p.name, category: p.category,
        amountTotal: p.amount.total, amountFiscal: p.amount.fiscal, amountOther: p.amount.other,
        purpose: p.purpose, position,
      };
      projects.push(project);
      const sheet = newSheet('project', project.id!, p.goals);
      p.spendingPlan.forEach((point) => planPoints.push({ sheetId: sheet.id, ...point }));
      addIndicators(sheet.id!, p.indicators);
    });

    await this.departmentYears.insert(tx, {
      projects, sheets, tasks, indicators, planPoints,
      departmentYear: { departmentId: department.id, fiscalYear: year, source: dataset.source, importedBy: principal?.userId ?? null, importedAt: new Date() },
    });
    const result = { departmentId: department.id, fiscalYear: year, projectCount: projects.length, indicatorCount: indicators.length };
    await this.audit.record(tx, {
      actorId: principal?.userId ?? null, action: 'dataset.import', entityType: 'department_year', entityId: department.id,
      after: { format: DATASET_FORMAT, source: dataset.source, ...result },
    });
    return result;
  }
}

function toIndicator(sheetId: string, position: number, row: DatasetIndicator, fiscalYear: number): Partial<IndicatorEntity> {
  const parsed = parseTarget(row.target, { level1: row.level1, level2: row.level2, name: row.name, fiscalYear });
  return {
    id: randomUUID(), sheetId, position,
    level1: row.level1, level2: row.level2, name: row.name, description: row.description,
    targetText: row.target, spec: parsed.spec, specWarnings: parsed.warnings, specCorrected: false,
    basis: row.basis, remark: row.remark, weight: null,
  };
}
