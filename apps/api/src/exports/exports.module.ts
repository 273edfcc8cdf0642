import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReportsModule } from '../reports/reports.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { ExportsController } from './exports.controller';
import { ExportFiles } from './region-export/export-files';
import { SelfAssessmentExportJob } from './region-export/self-assessment-export.job';
import { SelfAssessmentExportService } from './region-export/self-assessment-export.service';
import { SelfAssessmentExportsController } from './self-assessment-exports.controller';
import { TargetSheetExportService } from './services/target-sheet-export.service';

/**
 * 绩效目标表 out (issue 11): a sheet and a department's disclosure pack as xlsx (target-workbook) and
 * PDF (target-sheet-pdf, on the reports' PDF writer and font), and the blank template. And the
 * region's 自评表 as one zip (region-export): a job (`export.self-assessments`, run by the workers
 * too) streaming the zip to DATA_DIR/exports, downloaded by its starter.
 */
@Module({
  imports: [DatasetsModule, EvaluationModule, OrganizationsModule, ReportsModule, TargetSheetsModule],
  controllers: [ExportsController, SelfAssessmentExportsController],
  providers: [TargetSheetExportService, ExportFiles, SelfAssessmentExportService, SelfAssessmentExportJob],
})
export class ExportsModule {}
