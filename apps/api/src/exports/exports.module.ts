import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { ReportsModule } from '../reports/reports.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { ExportsController } from './exports.controller';
import { TargetSheetExportService } from './services/target-sheet-export.service';

/**
 * 绩效目标表 out (issue 11): a sheet and a department's disclosure pack as xlsx (target-workbook) and
 * PDF (target-sheet-pdf, on the reports' PDF writer and font), and the blank template.
 */
@Module({
  imports: [DatasetsModule, ReportsModule, TargetSheetsModule],
  controllers: [ExportsController],
  providers: [TargetSheetExportService],
})
export class ExportsModule {}
