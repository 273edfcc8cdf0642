import { Module } from '@nestjs/common';
import { SheetWorkflowService } from './services/sheet-workflow.service';
import { SheetEditorService } from './services/sheet-editor.service';
import { SheetListingService } from './services/sheet-listing.service';
import { SheetReaderService } from './services/sheet-reader.service';
import { TargetSheetsController } from './target-sheets.controller';

/** Projects and target sheets (目标编制): lists and the indicator tree. */
@Module({
  controllers: [TargetSheetsController],
  providers: [SheetListingService, SheetReaderService, SheetEditorService, SheetWorkflowService],
})
export class TargetSheetsModule {}
