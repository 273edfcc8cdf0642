import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ScoringSchemesModule } from '../scoring-schemes/scoring-schemes.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { EvaluationController } from './evaluation.controller';
import { EvaluationRunJob } from './evaluation-run.job';
import { EvaluatedSheetsQueries } from './persistence/evaluated-sheets.queries';
import { EvaluationRepository } from './persistence/evaluation.repository';
import { FinanceOverviewQueries } from './persistence/finance-overview.queries';
import { EvaluatedSheetsService } from './services/evaluated-sheets.service';
import { EvaluationReaderService } from './services/evaluation-reader.service';
import { EvaluationRunsService } from './services/evaluation-runs.service';
import { FinanceOverviewService } from './services/finance-overview.service';
import { SheetEvaluationService } from './services/sheet-evaluation.service';
import { SheetEvaluator } from './services/sheet-evaluator';

/** 自评: year-end scores of a sheet, reviewers' overrides, region runs as jobs, the finance overview. */
@Module({
  imports: [OrganizationsModule, ScoringSchemesModule, TargetSheetsModule, ExecutionModule],
  controllers: [EvaluationController],
  providers: [
    EvaluationRepository,
    EvaluatedSheetsQueries,
    FinanceOverviewQueries,
    SheetEvaluator,
    EvaluationReaderService,
    EvaluatedSheetsService,
    SheetEvaluationService,
    EvaluationRunsService,
    EvaluationRunJob,
    FinanceOverviewService,
  ],
  exports: [EvaluationReaderService, EvaluatedSheetsService, FinanceOverviewService],
})
export class EvaluationModule {}
