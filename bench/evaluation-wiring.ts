// The evaluation job's collaborators wired by hand on one DataSource (the benches run without Nest).
import type { DataSource } from 'typeorm';
import { BulkWriter } from '../apps/api/src/core/database/bulk-writer';
import { EvaluationRepository } from '../apps/api/src/evaluation/persistence/evaluation.repository';
import { SheetEvaluator } from '../apps/api/src/evaluation/services/sheet-evaluator';
import { BasicExpenditureRepository } from '../apps/api/src/execution/persistence/basic-expenditure.repository';
import { ExecutionRepository } from '../apps/api/src/execution/persistence/execution.repository';
import { ExecutionDataService } from '../apps/api/src/execution/services/execution-data.service';
import { OrganizationRepository } from '../apps/api/src/organizations/persistence/organization.repository';
import { OrganizationTreeService } from '../apps/api/src/organizations/services/organization-tree.service';
import { ScoringSchemeRepository } from '../apps/api/src/scoring-schemes/persistence/scoring-scheme.repository';
import { ScoringSchemeService } from '../apps/api/src/scoring-schemes/services/scoring-scheme.service';
import { ProjectRepository } from '../apps/api/src/target-sheets/persistence/project.repository';
import { ScoringInputQueries } from '../apps/api/src/target-sheets/persistence/scoring-input.queries';
import { SheetQueries } from '../apps/api/src/target-sheets/persistence/sheet-queries';
import { SheetRepository } from '../apps/api/src/target-sheets/persistence/sheet.repository';
import { SheetDataService } from '../apps/api/src/target-sheets/services/sheet-data.service';

/** The SheetEvaluator and the sheets it reads (effectiveSheetIds, sheetsByIds), as the job has them. */
export function evaluationOn(ds: DataSource): { evaluator: SheetEvaluator; sheetData: SheetDataService } {
  const sheetData = new SheetDataService(new SheetRepository(ds), new ProjectRepository(ds), new SheetQueries(ds), new ScoringInputQueries(ds));
  const executionData = new ExecutionDataService(sheetData, new ExecutionRepository(ds), new BasicExpenditureRepository(ds));
  const evaluator = new SheetEvaluator(executionData, new ScoringSchemeService(new OrganizationTreeService(new OrganizationRepository(ds)), new ScoringSchemeRepository(ds)), sheetData, new EvaluationRepository(ds, new BulkWriter(false)));
  return { evaluator, sheetData };
}
