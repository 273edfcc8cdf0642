import { Module } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ScoringSchemeRepository } from './persistence/scoring-scheme.repository';
import { SchemeUsageRegistration } from './services/organization-usage.registration';
import { SchemeEditingService } from './services/scheme-editing.service';
import { ScoringSchemeService } from './services/scoring-scheme.service';
import { ScoringSchemesController } from './scoring-schemes.controller';

/**
 * 评分方案 (DESIGN §2, §3): per finance bureau × fiscal year × kind of sheet, versioned, configured by
 * finance. Other contexts read the scheme in effect for a sheet through ScoringSchemeService
 * (evaluation scores with it, the review checks first-level groups against it).
 */
@Module({
  imports: [OrganizationsModule, FiscalYearsModule],
  controllers: [ScoringSchemesController],
  providers: [ScoringSchemeRepository, ScoringSchemeService, SchemeEditingService, SchemeUsageRegistration],
  exports: [ScoringSchemeService, SchemeEditingService],
})
export class ScoringSchemesModule {}
