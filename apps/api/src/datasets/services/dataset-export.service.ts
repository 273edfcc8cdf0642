import { Injectable } from '@nestjs/common';
import { DATASET_FORMAT, Dataset, DatasetIndicator } from '@jixiao/contracts';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { DepartmentYearContent, DepartmentYearsService } from '../../target-sheets/services/department-years.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { ScopedSheet } from '../../target-sheets/services/sheet-scope';

/**
 * Rebuilds a department's year as a `jixiao.dataset/v1` file: from the current sheets (the interchange
 * export), from the sheets in effect (the disclosure pack: approved sheets only), or of one sheet.
 */
@Injectable()
export class DatasetExportService {
  constructor(
    private readonly organizations: OrganizationTreeService,
    private readonly departmentYears: DepartmentYearsService,
    private readonly sheetData: SheetDataService,
  ) {}

  async export(departmentId: string, fiscalYear: number, principal: Principal | null): Promise<Dataset> {
    const department = await this.departmentInScope(departmentId, principal);
    const year = await this.departmentYears.find(departmentId, fiscalYear);
    if (!year) throw new AppException(ErrorCode.DATASET_NOT_FOUND, `「${department.name}」没有 ${fiscalYear} 年度的数据 / no data for that year`);
    const content = await this.departmentYears.currentContent(departmentId, fiscalYear);
    return { ...(await this.toDataset(department, fiscalYear, content, true)), source: year.source };
  }

  /**
   * The department's year as published (预算公开): the department-wide sheet and every project sheet in
   * effect — per project the highest approved version, so a draft adjustment leaves the approved one in
   * the pack. Projects without an approved sheet are left out. `source` is null.
   */
  async exportInEffect(departmentId: string, fiscalYear: number, principal: Principal): Promise<Dataset> {
    const department = await this.departmentInScope(departmentId, principal);
    const ids = await this.sheetData.effectiveSheetIds(fiscalYear, department.path);
    const sheets = (await this.sheetData.sheetsByIds(ids)).filter((s) => s.departmentId === department.id);
    const projectIds = sheets.flatMap((s) => (s.projectId === null ? [] : [s.projectId]));
    const projects = (await this.sheetData.projectsByIds(projectIds)).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    return this.toDataset(department, fiscalYear, await this.contentOf(sheets, projects), false);
  }

  /** One sheet the caller may see (SheetAccessService) as a dataset holding only it. */
  async exportSheet({ sheet, project, department }: ScopedSheet): Promise<Dataset> {
    return this.toDataset(department, sheet.fiscalYear, await this.contentOf([sheet], project === null ? [] : [project]), false);
  }

  private async departmentInScope(departmentId: string, principal: Principal | null): Promise<OrganizationEntity> {
    const department = await this.organizations.findOfKind(departmentId, 'department');
    if (!department || (principal && !isInScope(principal, department.path))) {
      throw new AppException(ErrorCode.DEPARTMENT_NOT_FOUND, '找不到该部门，或您无权查看 / department not found');
    }
    return department;
  }

  private async contentOf(sheets: DepartmentYearContent['sheets'], projects: DepartmentYearContent['projects']): Promise<DepartmentYearContent> {
    const ids = sheets.map((s) => s.id);
    const [indicators, planPoints, tasks] = await Promise.all([this.sheetData.indicatorsOf(ids), this.sheetData.planOf(ids), this.sheetData.tasksOf(ids)]);
    return { projects, sheets, indicators, planPoints, tasks };
  }

  /** `withoutSheet`: a project without a sheet is written with empty goals and indicators; otherwise left out. */
  private async toDataset(department: OrganizationEntity, fiscalYear: number, content: DepartmentYearContent, withoutSheet: boolean): Promise<Dataset> {
    const bureau = department.parentId ? await this.organizations.findById(department.parentId) : null;
    const units = await this.organizations.unitsOf(department.id);
    const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
    const { projects, sheets, indicators, planPoints: points, tasks } = content;
    const bySheet = <T extends { sheetId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.sheetId, [...(map.get(row.sheetId) ?? []), row]);
      return (sheetId: string) => map.get(sheetId) ?? [];
    };
    const indicatorsOf = bySheet(indicators);
    const pointsOf = bySheet(points);
    const tasksOf = bySheet(tasks);
    const departmentSheet = sheets.find((s) => s.kind === 'department') ?? null;
    const sheetOfProject = new Map(sheets.filter((s) => s.projectId).map((s) => [s.projectId!, s]));

    return {
      format: DATASET_FORMAT,
      fiscalYear,
      source: null,
      region: bureau?.kind === 'finance_bureau' ? bureau.region : null,
      department: { code: department.code, name: department.name },
      units: units.map((u) => ({ code: u.code, name: u.name })), // a unit without a code stays without one (matched by name on import)
      departmentSheet: departmentSheet && {
        goals: departmentSheet.goals,
        tasks: tasksOf(departmentSheet.id).map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
        budget: { total: departmentSheet.budgetTotal, basic: departmentSheet.budgetBasic, project: departmentSheet.budgetProject },
        indicators: indicatorsOf(departmentSheet.id).map(toDatasetIndicator),
      },
      projects: projects
        .filter((p) => withoutSheet || sheetOfProject.has(p.id))
        .map((p) => {
          const sheet = sheetOfProject.get(p.id);
          return {
            code: p.code,
            name: p.name,
            unitCode: p.unitId ? unitCodeById.get(p.unitId) ?? null : null,
            category: p.category,
            amount: { total: p.amountTotal, fiscal: p.amountFiscal, other: p.amountOther },
            purpose: p.purpose,
            goals: sheet?.goals ?? [],
            spendingPlan: sheet ? pointsOf(sheet.id).map((pt) => ({ month: pt.month, cumulativeAmount: pt.cumulativeAmount })) : [],
            indicators: sheet ? indicatorsOf(sheet.id).map(toDatasetIndicator) : [],
          };
        }),
    };
  }
}

function toDatasetIndicator(i: IndicatorEntity): DatasetIndicator {
  return {
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    description: i.description,
    target: i.targetText,
    basis: i.basis,
    remark: i.remark,
  };
}
