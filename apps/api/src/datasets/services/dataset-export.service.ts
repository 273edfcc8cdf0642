import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DATASET_FORMAT, Dataset, DatasetIndicator } from '@jixiao/contracts';
import { DataSource, In } from 'typeorm';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException } from '../../core/errors/error-codes';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { ProjectEntity } from '../../target-sheets/entities/project.entity';
import { SheetTaskEntity } from '../../target-sheets/entities/sheet-task.entity';
import { SpendingPlanPointEntity } from '../../target-sheets/entities/spending-plan-point.entity';
import { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { DepartmentYearEntity } from '../../target-sheets/entities/department-year.entity';

/** Rebuilds a department's year as a `jixiao.dataset/v1` file from the current sheets. */
@Injectable()
export class DatasetExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(departmentId: string, fiscalYear: number, principal: Principal | null): Promise<Dataset> {
    const em = this.dataSource.manager;
    const department = await em.findOneBy(OrganizationEntity, { id: departmentId, kind: 'department' });
    if (!department || (principal && !isInScope(principal, department.path))) {
      throw new AppException('DEPARTMENT_NOT_FOUND', '找不到该部门，或您无权查看 / department not found');
    }
    const year = await em.findOneBy(DepartmentYearEntity, { departmentId, fiscalYear });
    if (!year) throw new AppException('DATASET_NOT_FOUND', `「${department.name}」没有 ${fiscalYear} 年度的数据 / no data for that year`);

    const bureau = department.parentId ? await em.findOneBy(OrganizationEntity, { id: department.parentId }) : null;
    const units = await em.find(OrganizationEntity, { where: { parentId: departmentId, kind: 'unit' }, order: { position: 'ASC' } });
    const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
    const projects = await em.find(ProjectEntity, { where: { departmentId, fiscalYear }, order: { position: 'ASC' } });
    const sheets = await em.find(TargetSheetEntity, { where: { departmentId, fiscalYear, isCurrent: true } });
    const sheetIds = sheets.map((s) => s.id);
    const [indicators, points, tasks] = sheetIds.length
      ? ([
          await em.find(IndicatorEntity, { where: { sheetId: In(sheetIds) }, order: { position: 'ASC' } }),
          await em.find(SpendingPlanPointEntity, { where: { sheetId: In(sheetIds) }, order: { month: 'ASC' } }),
          await em.find(SheetTaskEntity, { where: { sheetId: In(sheetIds) }, order: { position: 'ASC' } }),
        ] as const)
      : [[], [], []];
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
      units: units.map((u) => ({ code: u.code ?? '', name: u.name })),
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
