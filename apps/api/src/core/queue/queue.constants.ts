/** Every queue and job of the system, with a typed payload per job (CONVENTIONS §10). */
export enum QueueName {
  Datasets = 'datasets',
  Evaluations = 'evaluations',
}

export enum JobName {
  ImportDataset = 'dataset.import',
  EvaluateRegion = 'evaluation.region', // 自评: every sheet in effect of a region; fans out into batches
  EvaluateBatch = 'evaluation.batch', // one batch of a region's sheets, a child of evaluation.region
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ImportDataset]: QueueName.Datasets,
  [JobName.EvaluateRegion]: QueueName.Evaluations,
  [JobName.EvaluateBatch]: QueueName.Evaluations,
};

export interface JobPayloads {
  [JobName.ImportDataset]: { dataset: unknown; actorId: string; correlationId: string | null };
  [JobName.EvaluateRegion]: { fiscalYear: number; organizationId: string; actorId: string; correlationId: string | null; batchSize?: number };
  [JobName.EvaluateBatch]: { sheetIds: string[]; actorId: string; correlationId: string | null };
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
