import { Injectable } from '@nestjs/common';
import type { Tx } from '../../core/database/persistence';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { ProjectEntity } from '../entities/project.entity';
import type { SheetTaskEntity } from '../entities/sheet-task.entity';
import type { SpendingPlanPointEntity } from '../entities/spending-plan-point.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';
import { ProjectRepository } from '../persistence/project.repository';
import { ScoringIndicator, ScoringInputQueries, ScoringSheet } from '../persistence/scoring-input.queries';
import { DepartmentYearSheet, SheetQueries } from '../persistence/sheet-queries';

export type { ScoringIndicator, ScoringSheet } from '../persistence/scoring-input.queries';
import { SheetRepository } from '../persistence/sheet.repository';

/**
 * What the other contexts read of sheets and projects (execution, evaluation, reports): many sheets
 * at once, with a handful of queries. Reads only; writes stay in this context's own services.
 */
@Injectable()
export class SheetDataService {
  constructor(
    private readonly sheets: SheetRepository,
    private readonly projects: ProjectRepository,
    private readonly queries: SheetQueries,
    private readonly scoringInput: ScoringInputQueries,
  ) {}

  /** What the year-end evaluation reads of these sheets: the sheets (id order) and their indicators, as plain rows. */
  async scoringInputs(sheetIds: readonly string[], tx?: Tx): Promise<{ sheets: ScoringSheet[]; indicators: ScoringIndicator[] }> {
    const sheets = await this.scoringInput.sheets(sheetIds, tx);
    return { sheets, indicators: await this.scoringInput.indicators(sheetIds, tx) };
  }

  sheetsByIds(ids: readonly string[], tx?: Tx): Promise<TargetSheetEntity[]> {
    return this.sheets.findByIds(ids, tx);
  }

  /**
   * Locks these sheets' rows for the caller's transaction in a fixed order (their ids): what a batch
   * of the year-end run takes before it replaces the sheets' evaluations.
   */
  lockSheets(tx: Tx, ids: readonly string[]): Promise<void> {
    return this.sheets.lockInIdOrder(tx, ids);
  }

  /** The indicators of these sheets, in tree order. */
  indicatorsOf(sheetIds: readonly string[], tx?: Tx): Promise<IndicatorEntity[]> {
    return this.sheets.indicatorsOf(sheetIds, tx);
  }

  /** The spending plans of these sheets, by month. */
  planOf(sheetIds: readonly string[], tx?: Tx): Promise<SpendingPlanPointEntity[]> {
    return this.sheets.planOf(sheetIds, tx);
  }

  /** The 年度主要任务 of these sheets, in order. */
  tasksOf(sheetIds: readonly string[], tx?: Tx): Promise<SheetTaskEntity[]> {
    return this.sheets.tasksOf(sheetIds, tx);
  }

  projectsByIds(ids: readonly string[], tx?: Tx): Promise<ProjectEntity[]> {
    return this.projects.findByIds(ids, tx);
  }

  /** The projects of these departments in these years. */
  projectsOfDepartments(departmentIds: readonly string[], fiscalYears: readonly number[], tx?: Tx): Promise<ProjectEntity[]> {
    return this.projects.findOfDepartments(departmentIds, fiscalYears, tx);
  }

  /**
   * The sheets in effect (执行中的目标表) of a year inside an organization subtree: per project, and per
   * department's department-wide sheet, the highest approved version. During an adjustment the new
   * version is a draft, so the approved one it replaces stays in effect until finance approves again.
   * `pathPrefix` null: everywhere (admin). Ordered by department, then project position.
   */
  effectiveSheetIds(fiscalYear: number, pathPrefix: string | null, tx?: Tx): Promise<string[]> {
    return this.queries.effectiveSheetIds(fiscalYear, pathPrefix, tx);
  }

  /** The department-wide sheet in effect of a department's year (the highest approved version), if any: its budget summary is the department's budget. */
  departmentSheetInEffect(departmentId: string, fiscalYear: number, tx?: Tx): Promise<string | null> {
    return this.queries.departmentSheetInEffect(departmentId, fiscalYear, tx);
  }

  /** The current sheets of a department's year: the department-wide sheet first, then the projects in their order. */
  currentSheetsOfDepartment(departmentId: string, fiscalYear: number, tx?: Tx): Promise<DepartmentYearSheet[]> {
    return this.queries.currentSheetsOfDepartment(departmentId, fiscalYear, tx);
  }

  /** Current first versions of the subtree's year that are not approved yet (nothing in effect). */
  countNotApproved(fiscalYear: number, pathPrefix: string): Promise<number> {
    return this.queries.countNotApproved(fiscalYear, pathPrefix);
  }

  /** What each sheet is called: its project's name, or '<department> 部门整体'. */
  sheetNames(sheetIds: readonly string[], tx?: Tx): Promise<Map<string, string>> {
    return this.queries.sheetNames(sheetIds, tx);
  }
}
