import { JobName, JobOf, JobStatus } from './queue.constants';

/** Enqueues jobs and reports their state; BullMQ with Redis, or in-process without. */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(name: N, payload: JobOf<N>, jobId: string): Promise<string>;
  abstract status(jobId: string): Promise<JobStatus | null>;
}
