import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { reviewSheet } from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException } from '../../core/errors/error-codes';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { IndicatorEntity } from '../entities/indicator.entity';
import { ProjectEntity } from '../entities/project.entity';
import { SheetTaskEntity } from '../entities/sheet-task.entity';
import { SpendingPlanPointEntity } from '../entities/spending-plan-point.entity';
import { TargetSheetEntity } from '../entities/target-sheet.entity';

/** One target sheet with its indicator tree and spending plan, if the caller may see it. */
@Injectable()
export class SheetReaderService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal, sheetId: string): Promise<TargetSheetResponse> {
    const em = this.dataSource.manager;
    const notFound = () => new AppException('SHEET_NOT_FOUND', '找不到该绩效目标表，或您无权查看 / target sheet not found');
    const sheet = await em.findOneBy(TargetSheetEntity, { id: sheetId });
    if (!sheet) throw notFound();
    const project = sheet.projectId ? await em.findOneBy(ProjectEntity, { id: sheet.projectId }) : null;
    const department = await em.findOneByOrFail(OrganizationEntity, { id: sheet.departmentId });
    const owner = project?.unitId ? await em.findOneByOrFail(OrganizationEntity, { id: project.unitId }) : department;
    if (!isInScope(principal, owner.path)) throw notFound();

    const [indicators, points, tasks] = await Promise.all([
      em.find(IndicatorEntity, { where: { sheetId }, order: { position: 'ASC' } }),
      em.find(SpendingPlanPointEntity, { where: { sheetId }, order: { month: 'ASC' } }),
      em.find(SheetTaskEntity, { where: { sheetId }, order: { position: 'ASC' } }),
    ]);
    return {
      id: sheet.id,
      kind: sheet.kind,
      fiscalYear: sheet.fiscalYear,
      status: sheet.status,
      version: sheet.version,
      department: { id: department.id, code: department.code, name: department.name, kind: department.kind },
      project: project && {
        id: project.id,
        code: project.code,
        name: project.name,
        category: project.category,
        purpose: project.purpose,
        unit: owner === department ? null : { id: owner.id, code: owner.code, name: owner.name, kind: owner.kind },
        amount: { total: project.amountTotal, fiscal: project.amountFiscal, other: project.amountOther },
      },
      goals: sheet.goals,
      tasks: tasks.map((t) => ({ name: t.name, content: t.content, amount: t.amount })),
      budget: sheet.kind === 'department' ? { total: sheet.budgetTotal, basic: sheet.budgetBasic, project: sheet.budgetProject } : null,
      indicators: indicators.map((i) => ({
        id: i.id,
        order: i.position,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        description: i.description,
        target: i.targetText,
        spec: i.spec,
        specWarnings: i.specWarnings,
        basis: i.basis,
        remark: i.remark,
        weight: i.weight,
      })),
      spendingPlan: points.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
      findings: reviewSheet({
        fiscalYear: sheet.fiscalYear,
        kind: sheet.kind,
        budgetTotal: project ? project.amountTotal : sheet.budgetTotal,
        indicators: indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, spec: i.spec, weight: i.weight })),
        spendingPlan: points.map((p) => ({ month: p.month, cumulativeAmount: p.cumulativeAmount })),
      }),
    };
  }
}
