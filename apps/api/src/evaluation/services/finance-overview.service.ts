import { Injectable } from '@nestjs/common';
import type { DepartmentOverviewResponse, FinanceOverviewResponse, UnmetSeverity } from '@jixiao/contracts';
import { ExactRatio, Grade, gradeOfLabel, moneyRate, moneyRatio, ratioPercent, sumMoney } from '@jixiao/domain';
import Big from 'big.js';
import { Principal, scopePathOf } from '../../core/auth/principal';
import { ExecutionDataService } from '../../execution/services/execution-data.service';
import { ScoringSchemeService } from '../../scoring-schemes/services/scoring-scheme.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import { FinanceOverviewQueries } from '../persistence/finance-overview.queries';

const percentOf = (rate: ExactRatio | null): string | null => (rate === null ? null : ratioPercent(rate));
const noGrades = (): Record<Grade, number> => ({ excellent: 0, good: 0, fair: 0, poor: 0 });
const noUnmet = (): Record<UnmetSeverity, number> => ({ minor: 0, moderate: 0, severe: 0, missing: 0 });

/** 结果应用: execution, scores, grades and unmet targets of every sheet in effect, per department. */
@Injectable()
export class FinanceOverviewService {
  constructor(
    private readonly sheetData: SheetDataService,
    private readonly queries: FinanceOverviewQueries,
    private readonly executionData: ExecutionDataService,
    private readonly schemes: ScoringSchemeService,
  ) {}

  overview(principal: Principal, fiscalYear: number): Promise<FinanceOverviewResponse> {
    return this.ofSubtree(scopePathOf(principal), fiscalYear);
  }

  /** The same for a subtree (an organization's path prefix; null: everywhere), e.g. the region a job exports. */
  async ofSubtree(pathPrefix: string | null, fiscalYear: number): Promise<FinanceOverviewResponse> {
    const ids = await this.sheetData.effectiveSheetIds(fiscalYear, pathPrefix);
    const sheets = await this.queries.sheets(ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    sheets.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const unmetRows = await this.queries.unmetIndicators(ids);
    // An evaluation is stale when the scheme in effect for its sheet is no longer the version it used.
    const evaluated = sheets.filter((s) => s.total_score !== null);
    const inEffect = await this.schemes.forSubjects(evaluated.map((s) => ({ departmentId: s.department_id, fiscalYear: s.fiscal_year, kind: s.kind })));
    const stale = new Set(evaluated.filter((s, i) => inEffect[i]!.id !== s.scheme_id).map((s) => s.id));
    const unmetBySheet = new Map<string, DepartmentOverviewResponse['sheets'][number]['unmet']>();
    for (const r of unmetRows) {
      const list = unmetBySheet.get(r.sheet_id) ?? [];
      list.push({ indicatorId: r.indicator_id, name: r.name, severity: r.unmet_flag, rate: r.completion_rate === null ? null : Number(r.completion_rate), ratePercent: r.completion_percent });
      unmetBySheet.set(r.sheet_id, list);
    }

    // A department-wide sheet in effect carries the department's budget (部门预算): which money its row counts.
    const departmentSheetIds = sheets.filter((s) => s.kind === 'department').map((s) => s.id);
    const departmentMoney = await this.executionData.departmentsOf(await this.sheetData.sheetsByIds(departmentSheetIds));

    const departments = new Map<string, DepartmentOverviewResponse>();
    const scoresOf = new Map<string, string[]>();
    for (const row of sheets) {
      let department = departments.get(row.department_id);
      if (!department) {
        department = {
          department: { id: row.department_id, code: row.department_code, name: row.department_name, kind: 'department' },
          region: row.region,
          budget: '0.00',
          spent: '0.00',
          executionRate: null,
          executionPercent: null,
          budgetBasis: '',
          averageScore: null,
          grades: noGrades(),
          unmet: noUnmet(),
          sheets: [],
        };
        departments.set(row.department_id, department);
      }
      const unmet = unmetBySheet.get(row.id) ?? [];
      for (const u of unmet) department.unmet[u.severity] += 1;
      const grade = row.grade ? (gradeOfLabel(row.grade) ?? null) : null;
      if (grade) department.grades[grade] += 1;
      if (row.total_score !== null) scoresOf.set(row.department_id, [...(scoresOf.get(row.department_id) ?? []), row.total_score]);
      department.sheets.push({
        sheetId: row.id,
        kind: row.kind,
        name: row.project_name ?? `${row.department_name} 部门整体`,
        budget: row.budget ?? '0.00',
        spent: row.spent,
        total: row.total_score,
        grade,
        stale: stale.has(row.id),
        unmet,
      });
    }
    for (const department of departments.values()) {
      // Department money = its whole budget (基本支出 + 项目支出) and all its spending where its department-wide
      // sheet states its basic budget; else its projects' sums, as before. Never counted twice.
      const projects = department.sheets.filter((s) => s.kind === 'project');
      const departmentSheet = department.sheets.find((s) => s.kind === 'department');
      const money = departmentSheet ? departmentMoney.get(departmentSheet.sheetId)?.money : undefined;
      if (money?.whole) {
        department.budget = money.budget;
        department.spent = money.spent;
        department.budgetBasis = money.explanation;
      } else {
        department.budget = sumMoney(projects.map((s) => s.budget));
        department.spent = sumMoney(projects.map((s) => s.spent));
        department.budgetBasis = departmentSheet
          ? `部门未填写基本支出预算，按已批准的 ${projects.length} 个项目的预算与支出合计`
          : `无已批准的部门整体绩效目标表，按已批准的 ${projects.length} 个项目的预算与支出合计`;
      }
      if (departmentSheet) {
        departmentSheet.budget = department.budget;
        departmentSheet.spent = department.spent;
      }
      department.executionRate = moneyRatio(department.spent, department.budget);
      department.executionPercent = percentOf(moneyRate(department.spent, department.budget));
      const scores = scoresOf.get(department.department.id) ?? [];
      department.averageScore = scores.length === 0 ? null : scores.reduce((sum, s) => sum.plus(s), new Big(0)).div(scores.length).toFixed(2, Big.roundHalfUp);
    }

    const list = [...departments.values()];
    const budget = sumMoney(list.map((d) => d.budget));
    const spent = sumMoney(list.map((d) => d.spent));
    const totals: FinanceOverviewResponse['totals'] = {
      budget,
      spent,
      executionRate: moneyRatio(spent, budget),
      executionPercent: percentOf(moneyRate(spent, budget)),
      evaluated: evaluated.length,
      stale: stale.size,
      sheets: sheets.length,
      unmet: noUnmet(),
      grades: noGrades(),
    };
    for (const d of list) {
      for (const key of Object.keys(totals.unmet) as UnmetSeverity[]) totals.unmet[key] += d.unmet[key];
      for (const key of Object.keys(totals.grades) as Grade[]) totals.grades[key] += d.grades[key];
    }
    return { fiscalYear, departments: list, totals };
  }
}
