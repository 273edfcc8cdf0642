import { Injectable } from '@nestjs/common';
import type { EvaluationResponse } from '@jixiao/contracts';
import { sumMoney } from '@jixiao/domain';
import { isInScope, Principal, scopePathOf } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { EvaluationReaderService } from '../../evaluation/services/evaluation-reader.service';
import { ExecutionDataService } from '../../execution/services/execution-data.service';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import type { DepartmentFinanceFigures, DepartmentReportInput } from '../department-report';
import { DepartmentReportQueries, ReportSheetRow } from '../persistence/department-report.queries';

/**
 * Gathers what a department's 自评报告 is written from: the sheets in effect that the caller may see
 * (each evaluation read through SheetEvaluationService, which checks the scope again), the sheets
 * not evaluated yet, the 年度主要任务 and 部门预算 of the department sheet, and the department's budget
 * and spending counted as the finance overview counts them.
 */
@Injectable()
export class DepartmentReportDataService {
  constructor(
    private readonly organizations: OrganizationTreeService,
    private readonly sheetData: SheetDataService,
    private readonly queries: DepartmentReportQueries,
    private readonly evaluations: EvaluationReaderService,
    private readonly executionData: ExecutionDataService,
  ) {}

  async load(principal: Principal, departmentId: string, fiscalYear: number): Promise<DepartmentReportInput> {
    const department = await this.organizations.findOfKind(departmentId, 'department');
    if (!department || !isInScope(principal, department.path)) {
      throw new AppException(ErrorCode.DEPARTMENT_NOT_FOUND, '找不到该部门，或您无权查看 / department not found');
    }
    const ids = await this.sheetData.effectiveSheetIds(fiscalYear, scopePathOf(principal));
    const rows = await this.queries.sheetsOfDepartment(ids, departmentId);
    const order = new Map(ids.map((id, index) => [id, index]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

    const evaluated: EvaluationResponse[] = [];
    for (const row of rows.filter((candidate) => candidate.evaluated)) evaluated.push(await this.evaluations.get(principal, row.id));
    if (evaluated.length === 0) {
      throw new AppException(ErrorCode.EVALUATION_NOT_FOUND, `「${department.name}」${fiscalYear} 年度尚无自评结果，请先计算自评得分 / no evaluation for that department and year`);
    }

    const departmentRow = rows.find((row) => row.kind === 'department') ?? null;
    const tasks = departmentRow ? await this.sheetData.tasksOf([departmentRow.id]) : [];
    const projects = rows.filter((row) => row.kind === 'project');
    return {
      fiscalYear,
      department: { id: department.id, code: department.code, name: department.name, kind: 'department' },
      functions: null,
      tasks: tasks.map((task) => ({ name: task.name, content: task.content, amount: task.amount })),
      departmentSheet: evaluated.find((sheet) => sheet.kind === 'department') ?? null,
      projectSheets: evaluated.filter((sheet) => sheet.kind === 'project'),
      pendingSheets: rows.filter((row) => !row.evaluated).map((row) => row.project_name ?? '部门整体支出'),
      finance: await this.finance(departmentRow, projects),
      reportDate: null,
    };
  }

  /**
   * The department's money as the finance overview counts it: where its department-wide sheet in
   * effect states its basic budget, the whole budget and all its spending (libs/domain departmentMoney);
   * else its projects in effect summed.
   */
  private async finance(departmentRow: ReportSheetRow | null, projects: readonly ReportSheetRow[]): Promise<DepartmentFinanceFigures> {
    const stated = departmentRow && { total: departmentRow.budget_total, basic: departmentRow.budget_basic, project: departmentRow.budget_project };
    const money = departmentRow ? (await this.executionData.departmentsOf(await this.sheetData.sheetsByIds([departmentRow.id]))).get(departmentRow.id)?.money : undefined;
    if (money?.whole) {
      return { budget: money.budget, spent: money.spent, departmentBudget: stated, spentParts: { basic: money.basicSpent, project: money.projectSpent } };
    }
    return {
      budget: sumMoney(projects.map((row) => row.project_budget ?? '0.00')),
      spent: sumMoney(projects.map((row) => row.project_spent ?? '0.00')),
      departmentBudget: stated?.total ? stated : null,
    };
  }
}
