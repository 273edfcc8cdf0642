import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ExecutionModule } from '../execution/execution.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { DepartmentReportQueries } from './persistence/department-report.queries';
import { ReportsController } from './reports.controller';
import { DepartmentReportDataService } from './services/department-report-data.service';
import { reportFontConfigProvider, ReportRenderingService } from './services/report-rendering.service';

/**
 * 报表: the year-end self-assessment documents — 自评表 (.xlsx, .pdf) of a sheet and the department's
 * 自评报告 draft (.docx) — rendered from EvaluationResponses read in the caller's scope.
 */
@Module({
  imports: [EvaluationModule, ExecutionModule, OrganizationsModule, TargetSheetsModule],
  controllers: [ReportsController],
  providers: [reportFontConfigProvider, ReportRenderingService, DepartmentReportQueries, DepartmentReportDataService],
  exports: [ReportRenderingService],
})
export class ReportsModule {}
