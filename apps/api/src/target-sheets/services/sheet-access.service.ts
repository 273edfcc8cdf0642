import { Injectable } from '@nestjs/common';
import { isInScope, Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { ProjectRepository } from '../persistence/project.repository';
import { SheetRepository } from '../persistence/sheet.repository';
import type { ScopedSheet } from './sheet-scope';

/**
 * A sheet the caller may see: its owner (the project's unit, else the department) lies in the
 * caller's subtree. Anything else is "not found", so that ids outside the subtree reveal nothing.
 * The entry to a sheet for every context (execution, evaluation) as for this one.
 */
@Injectable()
export class SheetAccessService {
  constructor(
    private readonly sheets: SheetRepository,
    private readonly projects: ProjectRepository,
    private readonly organizations: OrganizationTreeService,
  ) {}

  /** Reads the sheet (in `tx` when given). */
  inScope(principal: Principal, sheetId: string, tx?: Tx): Promise<ScopedSheet> {
    return this.load(principal, sheetId, false, tx);
  }

  /** The same with a row lock on the sheet, for a write in the caller's transaction. */
  lockInScope(tx: Tx, principal: Principal, sheetId: string): Promise<ScopedSheet> {
    return this.load(principal, sheetId, true, tx);
  }

  /**
   * A project the caller may see, with its current sheet (locked with the project when `lock`, for a
   * write in the caller's transaction); 404 PROJECT_NOT_FOUND otherwise, also outside the subtree.
   */
  async projectInScope(tx: Tx, principal: Principal, projectId: string, lock: boolean): Promise<ScopedSheet> {
    const notFound = () => new AppException(ErrorCode.PROJECT_NOT_FOUND, '找不到该预算项目，或不在您的管辖范围内');
    const project = await this.projects.findById(projectId, tx, lock);
    if (!project) throw notFound();
    const department = await this.organizations.getById(project.departmentId, tx);
    const owner = project.unitId ? await this.organizations.getById(project.unitId, tx) : department;
    if (!isInScope(principal, owner.path)) throw notFound();
    const sheet = await this.sheets.findCurrentOfProject(project.id, lock, tx);
    if (!sheet) throw notFound();
    return { sheet, project, department, owner };
  }

  private async load(principal: Principal, sheetId: string, lock: boolean, tx: Tx | undefined): Promise<ScopedSheet> {
    const notFound = () => new AppException(ErrorCode.SHEET_NOT_FOUND, '找不到该绩效目标表，或您无权查看 / target sheet not found');
    const sheet = await this.sheets.findById(sheetId, lock, tx);
    if (!sheet) throw notFound();
    const project = sheet.projectId ? await this.projects.findById(sheet.projectId, tx) : null;
    const department = await this.organizations.getById(sheet.departmentId, tx);
    const owner = project?.unitId ? await this.organizations.getById(project.unitId, tx) : department;
    if (!isInScope(principal, owner.path)) throw notFound();
    return { sheet, project, department, owner };
  }
}
