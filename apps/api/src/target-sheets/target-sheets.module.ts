import { Module } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ScoringSchemesModule } from '../scoring-schemes/scoring-schemes.module';
import { InboxController } from './inbox.controller';
import { InboxQueries } from './persistence/inbox-queries';
import { ProjectRepository } from './persistence/project.repository';
import { ScoringInputQueries } from './persistence/scoring-input.queries';
import { SheetQueries } from './persistence/sheet-queries';
import { FindingAcknowledgementRepository } from './persistence/finding-acknowledgement.repository';
import { SheetRepository } from './persistence/sheet.repository';
import { AdjustmentHooks } from './services/adjustment-hooks';
import { DepartmentYearsService } from './services/department-years.service';
import { InboxService } from './services/inbox.service';
import { ProjectCreationService } from './services/project-creation.service';
import { SheetAccessService } from './services/sheet-access.service';
import { SheetDataService } from './services/sheet-data.service';
import { SheetEditorService } from './services/sheet-editor.service';
import { SheetListingService } from './services/sheet-listing.service';
import { SheetReaderService } from './services/sheet-reader.service';
import { SheetWorkflowService } from './services/sheet-workflow.service';
import { OrganizationUsageQueries } from './persistence/organization-usage.queries';
import { OrganizationUsageRegistration } from './services/organization-usage.registration';
import { PreviousYearValues } from './services/previous-year-values';
import { ProjectHeaderService } from './services/project-header.service';
import { RollOverService } from './services/roll-over.service';
import { ProjectsController } from './projects.controller';
import { TargetSheetsController } from './target-sheets.controller';

/**
 * Projects and target sheets (目标编制): lists, the indicator tree, review and adjustment. Other
 * contexts reach sheets through the exported services: SheetAccessService (a sheet in the caller's
 * scope), SheetDataService (many sheets' content, the sheets in effect), DepartmentYearsService (a
 * department's year as a whole), AdjustmentHooks (records that follow an approved adjustment) and
 * PreviousYearValues (execution supplies last year's actuals shown beside rolled-over indicators).
 */
@Module({
  imports: [FiscalYearsModule, OrganizationsModule, ScoringSchemesModule],
  controllers: [TargetSheetsController, ProjectsController, InboxController],
  providers: [
    SheetRepository,
    ProjectRepository,
    FindingAcknowledgementRepository,
    SheetQueries,
    ScoringInputQueries,
    SheetAccessService,
    SheetDataService,
    DepartmentYearsService,
    AdjustmentHooks,
    SheetListingService,
    SheetReaderService,
    SheetEditorService,
    SheetWorkflowService,
    ProjectCreationService,
    OrganizationUsageQueries,
    OrganizationUsageRegistration,
    ProjectHeaderService,
    RollOverService,
    PreviousYearValues,
    InboxQueries,
    InboxService,
  ],
  // The demo story acts through the workflow, the reader and roll-over as users do.
  exports: [SheetAccessService, SheetDataService, DepartmentYearsService, AdjustmentHooks, PreviousYearValues, SheetWorkflowService, SheetReaderService, RollOverService],
})
export class TargetSheetsModule {}
