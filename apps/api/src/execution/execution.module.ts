import { Module } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { ExecutionController } from './execution.controller';
import { BasicExpenditureRepository } from './persistence/basic-expenditure.repository';
import { ExecutionRepository } from './persistence/execution.repository';
import { ExecutionUsageRegistration } from './services/organization-usage.registration';
import { BasicSpendingRecorderService } from './services/basic-spending-recorder.service';
import { ActualsCarryOver } from './services/actuals-carry-over';
import { ExecutionDataService } from './services/execution-data.service';
import { ExecutionReaderService } from './services/execution-reader.service';
import { ExecutionRecorderService } from './services/execution-recorder.service';
import { MonitoringOverviewService } from './services/monitoring-overview.service';
import { PreviousYearActuals } from './services/previous-year-actuals';

/** 执行监控: monthly spending (of projects, and a department's basic spending), actuals per period, monitoring lights and their roll-ups. */
@Module({
  imports: [TargetSheetsModule, OrganizationsModule, FiscalYearsModule],
  controllers: [ExecutionController],
  providers: [
    ExecutionUsageRegistration,
    ExecutionRepository,
    BasicExpenditureRepository,
    ExecutionDataService,
    ExecutionReaderService,
    ExecutionRecorderService,
    BasicSpendingRecorderService,
    MonitoringOverviewService,
    ActualsCarryOver,
    PreviousYearActuals,
  ],
  exports: [ExecutionReaderService, ExecutionDataService, ExecutionRecorderService, BasicSpendingRecorderService],
})
export class ExecutionModule {}
