import { EntityManager } from 'typeorm';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException } from '../../core/errors/error-codes';
import type { OrganizationRef } from '@jixiao/contracts';
import { OrganizationEntity, organizationRef } from '../../organizations/entities/organization.entity';
import { ProjectEntity } from '../entities/project.entity';
import { TargetSheetEntity } from '../entities/target-sheet.entity';

export interface ScopedSheet {
  sheet: TargetSheetEntity;
  project: ProjectEntity | null;
  department: OrganizationEntity;
  owner: OrganizationEntity; // the unit running the project, or the department
}

/**
 * A sheet the caller may see: its owner (the project's unit, else the department) lies in the
 * caller's subtree. Anything else is "not found", so that ids outside the subtree reveal nothing.
 * `lock` takes a row lock for a write in the caller's transaction.
 */
export async function loadSheetInScope(em: EntityManager, principal: Principal, sheetId: string, lock = false): Promise<ScopedSheet> {
  const notFound = () => new AppException('SHEET_NOT_FOUND', '找不到该绩效目标表，或您无权查看 / target sheet not found');
  const sheet = await em.findOne(TargetSheetEntity, { where: { id: sheetId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!sheet) throw notFound();
  const project = sheet.projectId ? await em.findOneBy(ProjectEntity, { id: sheet.projectId }) : null;
  const department = await em.findOneByOrFail(OrganizationEntity, { id: sheet.departmentId });
  const owner = project?.unitId ? await em.findOneByOrFail(OrganizationEntity, { id: project.unitId }) : department;
  if (!isInScope(principal, owner.path)) throw notFound();
  return { sheet, project, department, owner };
}

/** 实施单位 of a scoped project sheet: the unit running it, null when the department runs it itself. */
export function implementingUnitRef({ department, owner }: Pick<ScopedSheet, 'department' | 'owner'>): OrganizationRef | null {
  return owner === department ? null : organizationRef(owner);
}
