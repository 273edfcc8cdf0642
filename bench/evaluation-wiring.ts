// The evaluation job's collaborators wired by hand on one DataSource (the benches run without Nest).
import type { DataSource } from 'typeorm';
import { EvaluationRepository } from '../apps/api/src/evaluation/persistence/evaluation.repository';
import { SheetEvaluator } from '../apps/api/src/evaluation/services/sheet-evaluator';
import { BasicExpenditureRepository } from '../apps/api/src/execution/persistence/basic-expenditure.repository';
import { ExecutionRepository } from '../apps/api/src/execution/persistence/execution.repository';
import { ExecutionDataService } from '../apps/api/src/execution/services/execution-data.service';
import { FiscalYearService } from '../apps/api/src/fiscal-years/fiscal-year.service';
import { FiscalYearRepository } from '../apps/api/src/fiscal-years/persistence/fiscal-year.repository';
import { ProjectRepository } from '../apps/api/src/target-sheets/persistence/project.repository';
import { SheetQueries } from '../apps/api/src/target-sheets/persistence/sheet-queries';
import { SheetRepository } from '../apps/api/src/target-sheets/persistence/sheet.repository';
import { SheetDataService } from '../apps/api/src/target-sheets/services/sheet-data.service';

/** The SheetEvaluator and the sheets it reads (effectiveSheetIds, sheetsByIds), as the job has them. */
export function evaluationOn(ds: DataSource): { evaluator: SheetEvaluator; sheetData: SheetDataService } {
  const sheetData = new SheetDataService(new SheetRepository(ds), new ProjectRepository(ds), new SheetQueries(ds));
  const executionData = new ExecutionDataService(sheetData, new ExecutionRepository(ds), new BasicExpenditureRepository(ds));
  const evaluator = new SheetEvaluator(executionData, new FiscalYearService(new FiscalYearRepository(ds)), sheetData, new EvaluationRepository(ds));
  return { evaluator, sheetData };
}
