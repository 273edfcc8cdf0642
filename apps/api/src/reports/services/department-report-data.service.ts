import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluationResponse } from '@jixiao/contracts';
import { sumMoney } from '@jixiao/domain';
import { DataSource, In } from 'typeorm';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException } from '../../core/errors/error-codes';
import { SheetEvaluationService } from '../../evaluation/services/sheet-evaluation.service';
import { effectiveSheetIds, scopePathOf } from '../../execution/services/effective-sheets';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { SheetTaskEntity } from '../../target-sheets/entities/sheet-task.entity';
import type { DepartmentReportInput } from '../department-report';

interface SheetRow {
  id: string;
  kind: 'project' | 'department';
  project_name: string | null;
  project_budget: string | null;
  project_spent: string | null;
  budget_total: string | null;
  budget_basic: string | null;
  budget_project: string | null;
  evaluated: boolean;
}

/**
 * Gathers what a department's 自评报告 is written from: the sheets in effect that the caller may see
 * (each evaluation read through SheetEvaluationService, which checks the scope again), the sheets
 * not evaluated yet, the 年度主要任务 and 部门预算 of the department sheet, and the budget and spending
 * of its projects summed as the finance overview sums them.
 */
@Injectable()
export class DepartmentReportDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: SheetEvaluationService,
  ) {}

  async load(principal: Principal, departmentId: string, fiscalYear: number): Promise<DepartmentReportInput> {
    const em = this.dataSource.manager;
    const department = await em.findOneBy(OrganizationEntity, { id: departmentId, kind: 'department' });
    if (!department || !isInScope(principal, department.path)) {
      throw new AppException('DEPARTMENT_NOT_FOUND', '找不到该部门，或您无权查看 / department not found');
    }
    const ids = await effectiveSheetIds(em, fiscalYear, scopePathOf(principal));
    const rows: SheetRow[] =
      ids.length === 0
        ? []
        : await em.query(
            `SELECT s.id, s.kind, p.name AS project_name, p.amount_total::text AS project_budget,
                    CASE WHEN p.id IS NULL THEN NULL
                         ELSE coalesce((SELECT sum(e.amount) FROM expenditures e WHERE e.project_id = p.id), 0)::numeric(18,2)::text END AS project_spent,
                    s.budget_total::text AS budget_total, s.budget_basic::text AS budget_basic, s.budget_project::text AS budget_project,
                    EXISTS (SELECT 1 FROM evaluations ev WHERE ev.sheet_id = s.id) AS evaluated
               FROM target_sheets s
               LEFT JOIN projects p ON p.id = s.project_id
              WHERE s.id = ANY($1::uuid[]) AND s.department_id = $2`,
            [ids, departmentId],
          );
    const order = new Map(ids.map((id, index) => [id, index]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

    const evaluated: EvaluationResponse[] = [];
    for (const row of rows.filter((candidate) => candidate.evaluated)) evaluated.push(await this.evaluations.get(principal, row.id));
    if (evaluated.length === 0) {
      throw new AppException('EVALUATION_NOT_FOUND', `「${department.name}」${fiscalYear} 年度尚无自评结果，请先计算自评得分 / no evaluation for that department and year`);
    }

    const departmentRow = rows.find((row) => row.kind === 'department') ?? null;
    const tasks = departmentRow ? await em.find(SheetTaskEntity, { where: { sheetId: In([departmentRow.id]) }, order: { position: 'ASC' } }) : [];
    const projects = rows.filter((row) => row.kind === 'project');
    return {
      fiscalYear,
      department: { id: department.id, code: department.code, name: department.name, kind: 'department' },
      functions: null,
      tasks: tasks.map((task) => ({ name: task.name, content: task.content, amount: task.amount })),
      departmentSheet: evaluated.find((sheet) => sheet.kind === 'department') ?? null,
      projectSheets: evaluated.filter((sheet) => sheet.kind === 'project'),
      pendingSheets: rows.filter((row) => !row.evaluated).map((row) => row.project_name ?? '部门整体支出'),
      finance: {
        budget: sumMoney(projects.map((row) => row.project_budget ?? '0.00')),
        spent: sumMoney(projects.map((row) => row.project_spent ?? '0.00')),
        departmentBudget: departmentRow?.budget_total ? { total: departmentRow.budget_total, basic: departmentRow.budget_basic, project: departmentRow.budget_project } : null,
      },
      reportDate: null,
    };
  }
}
