import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrganizationUsageHooks } from '../../organizations/services/organization-usage';
import { OrganizationUsageQueries } from '../persistence/organization-usage.queries';

/** Tells 系统管理 about the projects and department years kept per organization. */
@Injectable()
export class OrganizationUsageRegistration implements OnModuleInit {
  constructor(
    private readonly hooks: OrganizationUsageHooks,
    private readonly queries: OrganizationUsageQueries,
  ) {}

  onModuleInit(): void {
    // a project names its unit and its department: a unit with projects stays under its department
    this.hooks.register('预算项目', {
      inSubtree: (path, tx) => this.queries.projectsUnder(path, tx),
      tiedOutside: (path, tx) => this.queries.projectsTiedOutside(path, tx),
    });
    this.hooks.register('部门整体目标表', { inSubtree: (path, tx) => this.queries.departmentYearsUnder(path, tx) });
  }
}
