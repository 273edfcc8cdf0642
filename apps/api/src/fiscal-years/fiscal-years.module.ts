import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { FiscalYearService } from './fiscal-year.service';
import { FiscalYearsController } from './fiscal-years.controller';
import { FiscalYearRepository } from './persistence/fiscal-year.repository';
import { MonitoringWindowsService } from './services/monitoring-windows.service';
import { YearCalendarService } from './services/year-calendar.service';

/**
 * 预算年度: the monitoring rounds (填报时间) of each year, and the rounds finance reopened for an
 * organization (its scoring schemes: the scoring-schemes context). Other contexts ask
 * MonitoringWindowsService whether a round accepts records and YearCalendarService whether a year is
 * open. (The years with sheets a caller may see are a listing of target sheets: GET /fiscal-years is
 * served by the target-sheets context, with these windows.)
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [FiscalYearsController],
  providers: [FiscalYearRepository, FiscalYearService, MonitoringWindowsService, YearCalendarService],
  exports: [FiscalYearService, MonitoringWindowsService, YearCalendarService],
})
export class FiscalYearsModule {}
