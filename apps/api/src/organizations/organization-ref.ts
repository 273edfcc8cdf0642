import type { OrganizationRef } from '@jixiao/contracts';
import type { OrganizationEntity } from './entities/organization.entity';

/** The reference to an organization that API responses carry. */
export function organizationRef(organization: Pick<OrganizationEntity, 'id' | 'code' | 'name' | 'kind'>): OrganizationRef {
  return { id: organization.id, code: organization.code, name: organization.name, kind: organization.kind };
}
