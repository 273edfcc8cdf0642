import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { ExecutionModule } from '../execution/execution.module';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ScoringSchemesModule } from '../scoring-schemes/scoring-schemes.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { DemoDataService } from './demo-data.service';
import { DemoStoryService } from './demo-story.service';

/** Demo departments and users for a first start, and the demo year played through the product's services. */
@Module({
  imports: [DatasetsModule, OrganizationsModule, FiscalYearsModule, TargetSheetsModule, ExecutionModule, ScoringSchemesModule],
  providers: [DemoDataService, DemoStoryService],
  exports: [DemoDataService],
})
export class DemoModule {}
