import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrganizationUsageHooks } from '../../organizations/services/organization-usage';
import { ScoringSchemeRepository } from '../persistence/scoring-scheme.repository';

/** Tells 系统管理 about the scoring schemes kept per finance bureau: a bureau with one is deactivated, never deleted. */
@Injectable()
export class SchemeUsageRegistration implements OnModuleInit {
  constructor(
    private readonly hooks: OrganizationUsageHooks,
    private readonly schemes: ScoringSchemeRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register('评分方案版本', { inSubtree: (path, tx) => this.schemes.countUnder(path, tx) });
  }
}
