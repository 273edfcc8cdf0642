import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DemoDataService } from './demo-data.service';

/** Demo departments and users for a first start. */
@Module({ imports: [DatasetsModule, OrganizationsModule, FiscalYearsModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoModule {}
