import { Module } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DatasetImportJob } from './dataset-import.job';
import { DatasetsController } from './datasets.controller';
import { DatasetExportService } from './services/dataset-export.service';
import { DatasetImportService } from './services/dataset-import.service';

/** Imports and exports of the jixiao.dataset/v1 interchange format. */
@Module({
  imports: [OrganizationsModule, FiscalYearsModule],
  controllers: [DatasetsController],
  providers: [DatasetImportService, DatasetExportService, DatasetImportJob],
  exports: [DatasetImportService],
})
export class DatasetsModule {}
