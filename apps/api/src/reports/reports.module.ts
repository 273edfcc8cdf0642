import { Module } from '@nestjs/common';
import { AppConfigService } from '../core/config/app-config.service';
import type { ReportFontConfig } from './report-font';
import { REPORT_FONT_CONFIG, ReportRenderingService } from './services/report-rendering.service';

/**
 * 报表: the year-end self-assessment documents — 自评表 (.xlsx, .pdf) of a sheet and the department's
 * 自评报告 draft (.docx) — rendered from EvaluationResponses. No controller yet: the endpoints are
 * wired where the evaluation service answers with the caller's scope.
 */
@Module({
  providers: [
    {
      provide: REPORT_FONT_CONFIG,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService): ReportFontConfig => ({ path: config.get('REPORT_FONT_PATH'), face: config.get('REPORT_FONT_FACE') }),
    },
    ReportRenderingService,
  ],
  exports: [ReportRenderingService],
})
export class ReportsModule {}
