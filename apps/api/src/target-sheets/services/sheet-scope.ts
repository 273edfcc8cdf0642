import type { OrganizationRef } from '@jixiao/contracts';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { organizationRef } from '../../organizations/organization-ref';
import type { ProjectEntity } from '../entities/project.entity';
import type { TargetSheetEntity } from '../entities/target-sheet.entity';

/** A sheet the caller may see (SheetAccessService), with what its responses name. */
export interface ScopedSheet {
  sheet: TargetSheetEntity;
  project: ProjectEntity | null;
  department: OrganizationEntity;
  owner: OrganizationEntity; // the unit running the project, or the department
}

/** 实施单位 of a scoped project sheet: the unit running it, null when the department runs it itself. */
export function implementingUnitRef({ department, owner }: Pick<ScopedSheet, 'department' | 'owner'>): OrganizationRef | null {
  return owner === department ? null : organizationRef(owner);
}
