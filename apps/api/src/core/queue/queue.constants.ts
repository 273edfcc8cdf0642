/** Every queue and job of the system, with a typed payload per job (CONVENTIONS §10). */
export enum QueueName {
  Datasets = 'datasets',
}

export enum JobName {
  ImportDataset = 'dataset.import',
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ImportDataset]: QueueName.Datasets,
};

export interface JobPayloads {
  [JobName.ImportDataset]: { dataset: unknown; actorId: string; correlationId: string | null };
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
