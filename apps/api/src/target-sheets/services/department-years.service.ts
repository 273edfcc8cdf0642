import { Injectable } from '@nestjs/common';
import type { Tx } from '../../core/database/persistence';
import type { DepartmentYearEntity } from '../entities/department-year.entity';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { ProjectEntity } from '../entities/project.entity';
import type { SheetTaskEntity } from '../entities/sheet-task.entity';
import type { SpendingPlanPointEntity } from '../entities/spending-plan-point.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';
import { ProjectRepository } from '../persistence/project.repository';
import { SheetRepository } from '../persistence/sheet.repository';

/** A department's year as a whole: what an import writes at once. */
export interface DepartmentYearRows {
  departmentYear: DepartmentYearEntity;
  projects: Partial<ProjectEntity>[];
  sheets: Partial<TargetSheetEntity>[];
  tasks: Partial<SheetTaskEntity>[];
  indicators: Partial<IndicatorEntity>[];
  planPoints: Partial<SpendingPlanPointEntity>[];
}

/** The current content of a department's year: what an export reads. */
export interface DepartmentYearContent {
  projects: ProjectEntity[];
  sheets: TargetSheetEntity[];
  indicators: IndicatorEntity[];
  planPoints: SpendingPlanPointEntity[];
  tasks: SheetTaskEntity[];
}

/** What a department's year already holds (see `existing`). */
export interface ExistingDepartmentYear {
  projects: { id: string; code: string | null; name: string; sheetId: string | null }[];
  departmentSheetId: string | null;
  nextPosition: number;
}

/** A department's data for one fiscal year as a whole, for the interchange format (datasets). */
@Injectable()
export class DepartmentYearsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly sheets: SheetRepository,
  ) {}

  find(departmentId: string, fiscalYear: number, tx?: Tx): Promise<DepartmentYearEntity | null> {
    return this.projects.findDepartmentYear(departmentId, fiscalYear, tx);
  }

  /** Writes a whole new department year in the caller's transaction (projects first: sheets refer to them). */
  async insert(tx: Tx, rows: DepartmentYearRows): Promise<void> {
    await this.projects.insertMany(tx, rows.projects);
    await this.sheets.insertMany(tx, rows);
    await this.projects.insertDepartmentYear(tx, rows.departmentYear);
  }

  /**
   * Adds sheets to a department's year that may already hold some (an import of a file's new projects):
   * registers the year unless it has one, then writes the projects and sheets. Call `lock` first.
   */
  async append(tx: Tx, rows: DepartmentYearRows): Promise<void> {
    await this.projects.insertDepartmentYearIfNew(tx, rows.departmentYear);
    await this.projects.insertMany(tx, rows.projects);
    await this.sheets.insertMany(tx, rows);
  }

  /** Serializes the writers of a department's projects of a year until the transaction ends. */
  lock(tx: Tx, departmentId: string, fiscalYear: number): Promise<void> {
    return this.projects.lockDepartmentYear(tx, departmentId, fiscalYear);
  }

  /** What the year already holds, for an import not to duplicate it: its projects, whether it has a department sheet, the next position. */
  async existing(departmentId: string, fiscalYear: number, tx?: Tx): Promise<ExistingDepartmentYear> {
    const projects = await this.projects.findOfDepartmentYear(departmentId, fiscalYear, tx);
    const current = await this.sheets.findCurrentOf(departmentId, fiscalYear, tx);
    const sheetOf = new Map(current.map((s) => [s.projectId ?? 'department', s.id]));
    return {
      projects: projects.map((p) => ({ id: p.id, code: p.code, name: p.name, sheetId: sheetOf.get(p.id) ?? null })),
      departmentSheetId: sheetOf.get('department') ?? null,
      nextPosition: projects.reduce((max, p) => Math.max(max, p.position + 1), 0),
    };
  }

  /** The projects of the year, in order, and the current version of every sheet with its content. */
  async currentContent(departmentId: string, fiscalYear: number): Promise<DepartmentYearContent> {
    const projects = await this.projects.findOfDepartmentYear(departmentId, fiscalYear);
    const sheets = await this.sheets.findCurrentOf(departmentId, fiscalYear);
    const sheetIds = sheets.map((s) => s.id);
    const indicators = await this.sheets.indicatorsOf(sheetIds);
    const planPoints = await this.sheets.planOf(sheetIds);
    const tasks = await this.sheets.tasksOf(sheetIds);
    return { projects, sheets, indicators, planPoints, tasks };
  }
}
