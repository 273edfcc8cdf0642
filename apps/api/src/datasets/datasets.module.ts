import { Module } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { DatasetImportJob } from './dataset-import.job';
import { DatasetsController } from './datasets.controller';
import { DatasetExportService } from './services/dataset-export.service';
import { DatasetMergeService } from './services/dataset-merge.service';
import { DatasetImportService } from './services/dataset-import.service';

/**
 * Imports and exports of the jixiao.dataset/v1 interchange format. No tables of its own: a department's
 * year is written and read through the target-sheets context (DepartmentYearsService).
 */
@Module({
  imports: [OrganizationsModule, FiscalYearsModule, TargetSheetsModule],
  controllers: [DatasetsController],
  providers: [DatasetImportService, DatasetExportService, DatasetMergeService, DatasetImportJob],
  exports: [DatasetImportService, DatasetMergeService, DatasetExportService],
})
export class DatasetsModule {}
