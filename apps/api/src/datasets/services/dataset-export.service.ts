import { Injectable } from '@nestjs/common';
import { DATASET_FORMAT, Dataset, DatasetIndicator } from '@jixiao/contracts';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { DepartmentYearsService } from '../../target-sheets/services/department-years.service';

/** Rebuilds a department's year as a `jixiao.dataset/v1` file from the current sheets. */
@Injectable()
export class DatasetExportService {
  constructor(
    private readonly organizations: OrganizationTreeService,
    private readonly departmentYears: DepartmentYearsService,
  ) {}

  async export(departmentId: string, fiscalYear: number, principal: Principal | null): Promise<Dataset> {
    const department = await this.organizations.findOfKind(departmentId, 'department');
    if (!department || (principal && !isInScope(principal, department.path))) {
      throw new AppException(ErrorCode.DEPARTMENT_NOT_FOUND, '找不到该部门，或您无权查看 / department not found');
    }
    const year = await this.departmentYears.find(departmentId, fiscalYear);
    if (!year) throw new AppException(ErrorCode.DATASET_NOT_FOUND, `「${department.name}」没有 ${fiscalYear} 年度的数据 / no data for that year`);

    const bureau = department.parentId ? await this.organizations.findById(department.parentId) : null;
    const units = await this.organizations.unitsOf(departmentId);
    const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
    const { projects, sheets, indicators, planPoints: points, tasks } = await this.departmentYears.currentContent(departmentId, fiscalYear);
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
      source: year.source,
      region: bureau?.kind === 'finance_bureau' ? bureau.region : null,
      department: { code: department.code, name: department.name },
      units: units.map((u) => ({ code: u.code, name: u.name })), // a unit without a code stays without one (matched by name on import)
      departmentSheet: departmentSheet && {
        goals: departmentSheet.goals,
        tasks: tasksOf(departmentSheet.id).map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
        budget: { total: departmentSheet.budgetTotal, basic: departmentSheet.budgetBasic, project: departmentSheet.budgetProject },
        indicators: indicatorsOf(departmentSheet.id).map(toDatasetIndicator),
      },
      projects: projects.map((p) => {
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
