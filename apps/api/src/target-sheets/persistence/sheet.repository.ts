import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import type { SheetStatus } from '@jixiao/contracts';
import { insertChunked, Persistence, Tx } from '../../core/database/persistence';
import { IndicatorEntity } from '../entities/indicator.entity';
import { SheetTaskEntity } from '../entities/sheet-task.entity';
import { SpendingPlanPointEntity } from '../entities/spending-plan-point.entity';
import { TargetSheetEntity } from '../entities/target-sheet.entity';

/** The editable content of a sheet as saved: what `SheetRepository.saveContent` writes. */
export interface SheetContentUpdate {
  sheetId: string;
  expectedRowVersion: number;
  goals: string[];
  budget: { total: string | null; basic: string | null; project: string | null };
  indicators: Partial<IndicatorEntity>[]; // in order; an id of a kept indicator keeps its records
  keptIndicatorIds: string[];
  spendingPlan: { month: number; cumulativeAmount: string }[];
  tasks: SheetTaskEntity[] | null; // null: unchanged
}

/** 绩效目标表 and their content (target_sheets, indicators, spending_plan_points, sheet_tasks). */
@Injectable()
export class SheetRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A sheet; `lock` takes a row lock for a write in the caller's transaction. */
  findById(id: string, lock: boolean, tx?: Tx): Promise<TargetSheetEntity | null> {
    return this.em(tx).findOne(TargetSheetEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** A sheet another row refers to (it must exist). */
  getById(id: string, tx?: Tx): Promise<TargetSheetEntity> {
    return this.em(tx).findOneByOrFail(TargetSheetEntity, { id });
  }

  async findByIds(ids: readonly string[], tx?: Tx): Promise<TargetSheetEntity[]> {
    return ids.length === 0 ? [] : this.em(tx).find(TargetSheetEntity, { where: { id: In([...ids]) } });
  }

  /**
   * Locks these sheets' rows (FOR NO KEY UPDATE) in the order of their ids, for the caller's
   * transaction: a batch of the region's evaluation takes them before it replaces any evaluation, as
   * one sheet's evaluation locks its sheet first, so neither waits for the other while holding what
   * the other needs (no deadlock).
   */
  async lockInIdOrder(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(`SELECT id FROM target_sheets WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [ids]);
  }

  /** The current version of a project's sheet; `lock` takes a row lock. */
  findCurrentOfProject(projectId: string, lock: boolean, tx?: Tx): Promise<TargetSheetEntity | null> {
    return this.em(tx).findOne(TargetSheetEntity, { where: { projectId, isCurrent: true }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The current department-wide sheet of a department's year. */
  findCurrentDepartmentSheet(departmentId: string, fiscalYear: number, tx?: Tx): Promise<TargetSheetEntity | null> {
    return this.em(tx).findOne(TargetSheetEntity, { where: { departmentId, fiscalYear, kind: 'department', isCurrent: true } });
  }

  /** Every version of the sheet's lineage (its project's, or its department's year's department-wide sheet), oldest first. */
  versionsOf(sheet: Pick<TargetSheetEntity, 'kind' | 'projectId' | 'departmentId' | 'fiscalYear'>, tx?: Tx): Promise<TargetSheetEntity[]> {
    const where = sheet.kind === 'project' ? { projectId: sheet.projectId! } : { kind: 'department' as const, departmentId: sheet.departmentId, fiscalYear: sheet.fiscalYear };
    return this.em(tx).find(TargetSheetEntity, { where, order: { version: 'ASC' } });
  }

  /** The sheets started from any of these (结转), with what they are called. */
  rolledOverFrom(sourceIds: readonly string[], tx?: Tx): Promise<{ id: string; fiscal_year: number; status: SheetStatus; version: number; name: string }[]> {
    return this.em(tx).query(
      `SELECT s.id, s.fiscal_year, s.status, s.version, coalesce(p.name, d.name || ' 部门整体') AS name
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id JOIN organizations d ON d.id = s.department_id
        WHERE s.rolled_over_from_id = ANY($1::uuid[]) ORDER BY s.fiscal_year, s.version`,
      [sourceIds],
    );
  }

  /** These indicators (another year's, referred to by rolled-over ones) with their sheet's year. */
  async referencedIndicators(ids: readonly string[], tx?: Tx): Promise<(Pick<IndicatorEntity, 'id' | 'targetText' | 'spec'> & { fiscalYear: number })[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; target_text: string; spec: IndicatorEntity['spec']; fiscal_year: number }[] = await this.em(tx).query(
      `SELECT i.id, i.target_text, i.spec, s.fiscal_year FROM indicators i JOIN target_sheets s ON s.id = i.sheet_id WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, targetText: r.target_text, spec: r.spec, fiscalYear: r.fiscal_year }));
  }

  /** A new sheet (a department-wide one; a project's comes with its project). */
  async insertSheet(tx: Tx, sheet: Omit<TargetSheetEntity, 'createdAt' | 'updatedAt'>): Promise<TargetSheetEntity> {
    const entity = tx.create(TargetSheetEntity, sheet);
    await tx.insert(TargetSheetEntity, entity);
    return entity;
  }

  /** The content of a new sheet: indicators, spending plan, tasks. */
  async insertContent(tx: Tx, content: { indicators: Partial<IndicatorEntity>[]; planPoints: Partial<SpendingPlanPointEntity>[]; tasks: Partial<SheetTaskEntity>[] }): Promise<void> {
    await insertChunked(tx, IndicatorEntity, content.indicators);
    await insertChunked(tx, SpendingPlanPointEntity, content.planPoints);
    await insertChunked(tx, SheetTaskEntity, content.tasks);
  }

  /** A change outside the sheet's content (its project's header) counts as a save; false when someone saved in between. */
  async bumpRowVersion(tx: Tx, sheetId: string, expectedRowVersion: number): Promise<boolean> {
    const [, updated] = await tx.query(`UPDATE target_sheets SET row_version = row_version + 1, updated_at = now() WHERE id = $1 AND row_version = $2`, [sheetId, expectedRowVersion]);
    return updated === 1;
  }

  /** The current version of every sheet of a department's year. */
  findCurrentOf(departmentId: string, fiscalYear: number, tx?: Tx): Promise<TargetSheetEntity[]> {
    return this.em(tx).find(TargetSheetEntity, { where: { departmentId, fiscalYear, isCurrent: true } });
  }

  // One query after another in these readers: inside a transaction there is one connection, and pg
  // stops queueing concurrent queries on a client in v9.

  /** The indicators of these sheets, in tree order. */
  async indicatorsOf(sheetIds: readonly string[], tx?: Tx): Promise<IndicatorEntity[]> {
    return sheetIds.length === 0 ? [] : this.em(tx).find(IndicatorEntity, { where: { sheetId: In([...sheetIds]) }, order: { position: 'ASC' } });
  }

  /** The spending plans of these sheets, by month. */
  async planOf(sheetIds: readonly string[], tx?: Tx): Promise<SpendingPlanPointEntity[]> {
    return sheetIds.length === 0 ? [] : this.em(tx).find(SpendingPlanPointEntity, { where: { sheetId: In([...sheetIds]) }, order: { month: 'ASC' } });
  }

  /** The 年度主要任务 of these sheets, in order. */
  async tasksOf(sheetIds: readonly string[], tx?: Tx): Promise<SheetTaskEntity[]> {
    return sheetIds.length === 0 ? [] : this.em(tx).find(SheetTaskEntity, { where: { sheetId: In([...sheetIds]) }, order: { position: 'ASC' } });
  }

  /**
   * Saves a sheet's content and bumps its row_version, also when only the indicators, the plan or the
   * tasks changed. Returns false when someone saved in between (the row_version moved).
   */
  async saveContent(tx: Tx, update: SheetContentUpdate): Promise<boolean> {
    const { sheetId, keptIndicatorIds: kept } = update;
    await tx.delete(IndicatorEntity, kept.length ? { sheetId, id: Not(In(kept)) } : { sheetId });
    // positions are unique per sheet: park the kept rows out of the way before renumbering
    if (kept.length) await tx.query(`UPDATE indicators SET position = -1 - position WHERE sheet_id = $1`, [sheetId]);
    // one INSERT for the new rows, one UPDATE per kept row (save() would read each row first)
    const keptIds = new Set(kept);
    const added = update.indicators.filter((row) => !keptIds.has(row.id!));
    if (added.length) await tx.insert(IndicatorEntity, added);
    for (const { id, ...row } of update.indicators.filter((r) => keptIds.has(r.id!))) await tx.update(IndicatorEntity, { id }, row);
    await tx.delete(SpendingPlanPointEntity, { sheetId });
    if (update.spendingPlan.length) await tx.insert(SpendingPlanPointEntity, update.spendingPlan.map((p) => ({ sheetId, month: p.month, cumulativeAmount: p.cumulativeAmount })));
    if (update.tasks !== null) {
      await tx.delete(SheetTaskEntity, { sheetId });
      if (update.tasks.length) await tx.insert(SheetTaskEntity, update.tasks);
    }
    const [, updated] = await tx.query(
      `UPDATE target_sheets SET goals = $1::jsonb, budget_total = $4, budget_basic = $5, budget_project = $6,
              row_version = row_version + 1, updated_at = now()
        WHERE id = $2 AND row_version = $3 RETURNING row_version`,
      [JSON.stringify(update.goals), sheetId, update.expectedRowVersion, update.budget.total, update.budget.basic, update.budget.project],
    );
    return updated === 1;
  }

  /** Moves a sheet to a status; false when someone changed it in between (the row_version moved). */
  async updateStatus(tx: Tx, sheetId: string, status: SheetStatus, expectedRowVersion: number): Promise<boolean> {
    const [, updated] = await tx.query(
      `UPDATE target_sheets SET status = $1, row_version = row_version + 1, updated_at = now() WHERE id = $2 AND row_version = $3`,
      [status, sheetId, expectedRowVersion],
    );
    return updated === 1;
  }

  /** 调整: a draft copy of a sheet (indicators under new ids, plan, tasks) becomes the current version. */
  async insertNewVersion(
    tx: Tx,
    previousId: string,
    next: Omit<TargetSheetEntity, 'createdAt' | 'updatedAt'>,
    indicators: IndicatorEntity[],
    points: SpendingPlanPointEntity[],
  ): Promise<TargetSheetEntity> {
    await tx.update(TargetSheetEntity, { id: previousId }, { isCurrent: false });
    const entity = tx.create(TargetSheetEntity, next);
    await tx.insert(TargetSheetEntity, entity);
    if (indicators.length) await tx.insert(IndicatorEntity, indicators.map((i) => ({ ...i, id: randomUUID(), sheetId: entity.id })));
    if (points.length) await tx.insert(SpendingPlanPointEntity, points.map((p) => ({ ...p, sheetId: entity.id })));
    const tasks = await tx.find(SheetTaskEntity, { where: { sheetId: previousId } });
    if (tasks.length) await tx.insert(SheetTaskEntity, tasks.map((t) => ({ ...t, sheetId: entity.id })));
    return entity;
  }

  /** Many new sheets with their content at once (a dataset import), in chunks. */
  async insertMany(
    tx: Tx,
    rows: {
      sheets: Partial<TargetSheetEntity>[];
      tasks: Partial<SheetTaskEntity>[];
      indicators: Partial<IndicatorEntity>[];
      planPoints: Partial<SpendingPlanPointEntity>[];
    },
  ): Promise<void> {
    await insertChunked(tx, TargetSheetEntity, rows.sheets);
    await insertChunked(tx, SheetTaskEntity, rows.tasks);
    await insertChunked(tx, IndicatorEntity, rows.indicators);
    await insertChunked(tx, SpendingPlanPointEntity, rows.planPoints);
  }
}
