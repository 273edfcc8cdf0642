import type { QueueDepth } from '../observability/metrics';
import { JobName, JobOf, JobStatus } from './queue.constants';

/** Whether the job queue's store answers: Redis when REDIS_URL is set; nothing to check in-process. */
export interface QueueHealth {
  configured: boolean;
  up: boolean;
  latencyMs?: number;
  detail?: string;
}

/** Enqueues jobs and reports their state; BullMQ with Redis, or in-process without. */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(name: N, payload: JobOf<N>, jobId: string): Promise<string>;
  abstract status(jobId: string): Promise<JobStatus | null>;
  /** Redis's answer to a ping (readiness); `configured: false` in-process. */
  abstract health(): Promise<QueueHealth>;
  /** Jobs per queue and state (metrics); null when the queue cannot be read. */
  abstract depth(): Promise<QueueDepth>;
}
