import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { advisoryXactLock } from '../../core/database/locks';
import { insertChunked, Persistence, Tx } from '../../core/database/persistence';
import { DepartmentYearEntity } from '../entities/department-year.entity';
import { ProjectEntity } from '../entities/project.entity';
import { TargetSheetEntity } from '../entities/target-sheet.entity';

/** 预算项目 and the department years they belong to (projects, department_years). */
@Injectable()
export class ProjectRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A project; `lock` takes a row lock for a write in the caller's transaction. */
  findById(id: string, tx?: Tx, lock = false): Promise<ProjectEntity | null> {
    return this.em(tx).findOne(ProjectEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The project of the year run by the same unit (the department when it runs it itself) with this code, other than `exceptId`. */
  async findByCode(
    tx: Tx,
    owner: { unitId: string | null; departmentId: string },
    fiscalYear: number,
    code: string,
    exceptId: string | null,
  ): Promise<Pick<ProjectEntity, 'id' | 'name'> | null> {
    const [row] = (await tx.query(
      `SELECT id, name FROM projects
        WHERE coalesce(unit_id, department_id) = $1 AND fiscal_year = $2 AND code = $3 AND ($4::uuid IS NULL OR id <> $4)`,
      [owner.unitId ?? owner.departmentId, fiscalYear, code, exceptId],
    )) as { id: string; name: string }[];
    return row ?? null;
  }

  /** 修改项目信息: name, code, category, amounts, purpose. */
  async updateHeader(tx: Tx, id: string, header: Pick<ProjectEntity, 'name' | 'code' | 'category' | 'amountTotal' | 'amountFiscal' | 'amountOther' | 'purpose'>): Promise<void> {
    await tx.update(ProjectEntity, { id }, header);
  }

  /** Deletes a project with everything of it: its sheets and their content, spending (foreign keys cascade). */
  async delete(tx: Tx, id: string): Promise<void> {
    await tx.delete(ProjectEntity, { id });
  }

  async findByIds(ids: readonly string[], tx?: Tx): Promise<ProjectEntity[]> {
    return ids.length === 0 ? [] : this.em(tx).find(ProjectEntity, { where: { id: In([...ids]) } });
  }

  /** The projects of these departments in these years (every pair of the two lists). */
  findOfDepartments(departmentIds: readonly string[], fiscalYears: readonly number[], tx?: Tx): Promise<ProjectEntity[]> {
    return this.em(tx).find(ProjectEntity, { where: { departmentId: In([...departmentIds]), fiscalYear: In([...fiscalYears]) } });
  }

  /** A department's projects of a year, in their order. */
  findOfDepartmentYear(departmentId: string, fiscalYear: number, tx?: Tx): Promise<ProjectEntity[]> {
    return this.em(tx).find(ProjectEntity, { where: { departmentId, fiscalYear }, order: { position: 'ASC' } });
  }

  /**
   * Serializes the writers of a department's projects of a year until the transaction ends: the
   * next position (`max + 1`) and a code's uniqueness are read and then written under it, so that
   * simultaneous creations get distinct positions and one project per code. Take it before those reads.
   */
  lockDepartmentYear(tx: Tx, departmentId: string, fiscalYear: number): Promise<void> {
    return advisoryXactLock(tx, 'projects.department_year', `${departmentId}:${fiscalYear}`);
  }

  /** The position after the department's last project of the year (under `lockDepartmentYear`). */
  async nextPosition(tx: Tx, departmentId: string, fiscalYear: number): Promise<number> {
    const [{ next }] = await tx.query(`SELECT coalesce(max(position), -1) + 1 AS next FROM projects WHERE department_id = $1 AND fiscal_year = $2`, [departmentId, fiscalYear]);
    return Number(next);
  }

  /** 新建项目: the project and its empty first version of a sheet (a draft). */
  async insertWithDraftSheet(
    tx: Tx,
    fields: Omit<ProjectEntity, 'createdAt' | 'updatedAt'>,
    sheetFields: Pick<TargetSheetEntity, 'goals' | 'rolledOverFromId'> = { goals: [], rolledOverFromId: null },
  ): Promise<{ project: ProjectEntity; sheet: TargetSheetEntity }> {
    const project = tx.create(ProjectEntity, fields);
    await tx.insert(ProjectEntity, project);
    const sheet = tx.create(TargetSheetEntity, {
      id: randomUUID(), kind: 'project', fiscalYear: project.fiscalYear, departmentId: project.departmentId, projectId: project.id, version: 1,
      previousVersionId: null, isCurrent: true, status: 'draft', rowVersion: 1, budgetTotal: null, budgetBasic: null, budgetProject: null, ...sheetFields,
    });
    await tx.insert(TargetSheetEntity, sheet);
    return { project, sheet };
  }

  insertMany(tx: Tx, projects: Partial<ProjectEntity>[]): Promise<void> {
    return insertChunked(tx, ProjectEntity, projects);
  }

  findDepartmentYear(departmentId: string, fiscalYear: number, tx?: Tx): Promise<DepartmentYearEntity | null> {
    return this.em(tx).findOneBy(DepartmentYearEntity, { departmentId, fiscalYear });
  }

  async insertDepartmentYear(tx: Tx, year: DepartmentYearEntity): Promise<void> {
    await tx.insert(DepartmentYearEntity, year);
  }

  /** Registers the department's year unless it has one (a project created by hand, no import). */
  async insertDepartmentYearIfNew(tx: Tx, year: DepartmentYearEntity): Promise<void> {
    await tx.createQueryBuilder().insert().into(DepartmentYearEntity).values(year).orIgnore().execute();
  }
}
