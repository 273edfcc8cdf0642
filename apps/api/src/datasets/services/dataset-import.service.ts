import { Injectable, Logger } from '@nestjs/common';
import { checkDatasetMoneyRules, DATASET_FORMAT, Dataset, validateDataset } from '@jixiao/contracts';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../core/auth/principal';
import { advisoryXactLock } from '../../core/database/locks';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { FiscalYearService } from '../../fiscal-years/fiscal-year.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { DepartmentYearsService } from '../../target-sheets/services/department-years.service';
import { buildDatasetRows, resolveDatasetOrganizations } from './dataset-rows';

/** What an import writes into: a department (by name) of a region. */
export interface ImportTarget {
  region: string | null;
  departmentName: string;
}

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

  /**
   * Who may import a department's data: an administrator anywhere; a finance reviewer (财政审核) of a
   * finance bureau into its own region; a department reviewer (主管部门审核) into its own department only
   * (same region, same name: nothing is created beside it). Every import route applies this one rule.
   */
  async mayImport(target: ImportTarget, principal: Principal, tx?: Tx): Promise<boolean> {
    if (principal.role === 'admin') return true;
    const org = principal.organizationId ? await this.tree.findById(principal.organizationId, tx) : null;
    if (!org || target.region === null) return false;
    if (principal.role === 'finance_reviewer') return org.kind === 'finance_bureau' && org.region === target.region;
    if (principal.role === 'department_reviewer' && org.kind === 'department' && org.name === target.departmentName) {
      return (await this.tree.bureauAbove(org, tx))?.region === target.region;
    }
    return false;
  }

  /** The region the caller imports into when a reading names none: its finance bureau's (a finance or department reviewer's), else null. */
  async ownRegion(principal: Principal): Promise<string | null> {
    const org = principal.organizationId ? await this.tree.findById(principal.organizationId) : null;
    if (!org) return null;
    if (org.kind === 'finance_bureau') return org.region;
    return principal.role === 'department_reviewer' ? ((await this.tree.bureauAbove(org))?.region ?? null) : null;
  }

  async assertMayImport(dataset: Dataset, principal: Principal): Promise<void> {
    if (!(await this.mayImport({ region: dataset.region, departmentName: dataset.department.name }, principal))) {
      const org = principal.organizationId ? await this.tree.findById(principal.organizationId) : null;
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
    const { department, unitIdByCode } = await resolveDatasetOrganizations(tx, this.tree, dataset);
    const already = await this.departmentYears.find(department.id, year, tx);
    if (already) {
      throw new AppException(
        ErrorCode.DATASET_ALREADY_IMPORTED,
        `「${department.name}」${year} 年度的数据已经导入过，不能重复导入 / already imported`,
      );
    }
    const { projects, sheets, tasks, indicators, planPoints } = buildDatasetRows({
      fiscalYear: year, departmentId: department.id, unitIdByCode,
      departmentSheet: dataset.departmentSheet,
      projects: dataset.projects.map((project, position) => ({ project, position })),
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

