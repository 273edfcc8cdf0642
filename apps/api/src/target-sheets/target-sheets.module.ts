import { Module } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { ProjectCreationService } from './services/project-creation.service';
import { SheetWorkflowService } from './services/sheet-workflow.service';
import { SheetEditorService } from './services/sheet-editor.service';
import { SheetListingService } from './services/sheet-listing.service';
import { SheetReaderService } from './services/sheet-reader.service';
import { TargetSheetsController } from './target-sheets.controller';

/** Projects and target sheets (目标编制): lists and the indicator tree. */
@Module({
  imports: [FiscalYearsModule],
  controllers: [TargetSheetsController],
  providers: [SheetListingService, SheetReaderService, SheetEditorService, SheetWorkflowService, ProjectCreationService],
})
export class TargetSheetsModule {}
