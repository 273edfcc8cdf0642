import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EvaluationController } from './evaluation.controller';
import { EvaluationRunJob } from './evaluation-run.job';
import { EvaluationRunsService } from './services/evaluation-runs.service';
import { FinanceOverviewService } from './services/finance-overview.service';
import { SheetEvaluationService } from './services/sheet-evaluation.service';
import { SheetEvaluator } from './services/sheet-evaluator';

/** 自评: year-end scores of a sheet, reviewers' overrides, region runs as jobs, the finance overview. */
@Module({
  imports: [OrganizationsModule],
  controllers: [EvaluationController],
  providers: [SheetEvaluator, SheetEvaluationService, EvaluationRunsService, EvaluationRunJob, FinanceOverviewService],
  exports: [SheetEvaluationService, SheetEvaluator],
})
export class EvaluationModule {}
