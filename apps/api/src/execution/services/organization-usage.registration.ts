import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrganizationUsageHooks } from '../../organizations/services/organization-usage';
import { BasicExpenditureRepository } from '../persistence/basic-expenditure.repository';

/** Tells 系统管理 about the basic spending kept per department: a department with some is deactivated, never deleted. */
@Injectable()
export class ExecutionUsageRegistration implements OnModuleInit {
  constructor(
    private readonly hooks: OrganizationUsageHooks,
    private readonly basicSpending: BasicExpenditureRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register('基本支出记录', { inSubtree: (path, tx) => this.basicSpending.countUnder(path, tx) });
  }
}
