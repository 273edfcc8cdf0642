/** Every queue and job of the system, with a typed payload per job (CONVENTIONS §10). */
export enum QueueName {
  Datasets = 'datasets',
  Evaluations = 'evaluations',
  Exports = 'exports',
}

export enum JobName {
  ImportDataset = 'dataset.import',
  EvaluateRegion = 'evaluation.region', // 自评: every sheet in effect of a region; fans out into batches
  EvaluateBatch = 'evaluation.batch', // one batch of a region's sheets, a child of evaluation.region
  ExportSelfAssessments = 'export.self-assessments', // 全地区自评表导出: every 自评表 of a region and the 汇总表 as one zip in DATA_DIR/exports
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ImportDataset]: QueueName.Datasets,
  [JobName.EvaluateRegion]: QueueName.Evaluations,
  [JobName.EvaluateBatch]: QueueName.Evaluations,
  [JobName.ExportSelfAssessments]: QueueName.Exports,
};

export interface JobPayloads {
  [JobName.ImportDataset]: { dataset: unknown; actorId: string; correlationId: string | null };
  [JobName.EvaluateRegion]: { fiscalYear: number; organizationId: string; actorId: string; correlationId: string | null; batchSize?: number };
  [JobName.EvaluateBatch]: { sheetIds: string[]; actorId: string; correlationId: string | null };
  [JobName.ExportSelfAssessments]: {
    fiscalYear: number;
    organizationId: string; // the region: the actor's finance bureau (an admin's: the bureau it names)
    formats: ('xlsx' | 'pdf')[];
    fileId: string; // the zip's name in DATA_DIR/exports: the job's id
    actorId: string;
    correlationId: string | null;
    pageSize?: number; // sheets read per page (keyset); 200 unless a test or the benchmark says
  };
}

export type JobOf<N extends JobName> = JobPayloads[N];

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed';

export interface JobStatus {
  id: string;
  name: JobName;
  state: JobState;
  progress: number; // 0..100
  actorId: string;
  result: unknown;
  error: { code: string; message: string; details?: unknown } | null;
  attemptsMade: number;
}
