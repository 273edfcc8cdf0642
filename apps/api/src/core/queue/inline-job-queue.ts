import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { QueueDepth } from '../observability/metrics';
import { JobHandlerRegistry, jobError } from './job-handlers';
import { JobQueue, type QueueHealth } from './job-queue';
import { settlesWithin, WORKER_DRAIN_MS } from './queue-availability';
import { JobName, JobOf, JobStatus } from './queue.constants';

/**
 * Without REDIS_URL: jobs run in this process, one after another, through the same handlers; a
 * fan-out job runs its children here in sequence (JobHandlerRegistry.runInProcess), same result.
 */
@Injectable()
export class InlineJobQueue extends JobQueue implements BeforeApplicationShutdown {
  private readonly jobs = new Map<string, JobStatus>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly handlers: JobHandlerRegistry) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobOf<N>, jobId: string): Promise<string> {
    const existing = this.jobs.get(jobId);
    if (existing && existing.state !== 'failed') return jobId; // deterministic ids: the same job is not run twice
    const status: JobStatus = { id: jobId, name, state: 'waiting', progress: 0, actorId: payload.actorId, result: null, error: null, attemptsMade: 0 };
    this.jobs.set(jobId, status);
    this.chain = this.chain.then(() => this.run(status, payload));
    return jobId;
  }

  async status(jobId: string): Promise<JobStatus | null> {
    const status = this.jobs.get(jobId);
    return status ? { ...status } : null;
  }

  async health(): Promise<QueueHealth> {
    return { configured: false, up: true };
  }

  async depth(): Promise<QueueDepth> {
    const states: NonNullable<QueueDepth>[string] = { waiting: 0, active: 0, failed: 0, completed: 0 };
    for (const job of this.jobs.values()) if (job.state !== 'delayed') states[job.state] = (states[job.state] ?? 0) + 1;
    return { inline: states };
  }

  /** On shutdown, the jobs under way get WORKER_DRAIN_MS to finish (they live in this process only). */
  async beforeApplicationShutdown(): Promise<void> {
    if (!(await settlesWithin(this.chain, WORKER_DRAIN_MS))) {
      new Logger(InlineJobQueue.name).warn(`in-process jobs still running after ${WORKER_DRAIN_MS} ms: stopped with the process`);
    }
  }

  /** Resolves when every job enqueued so far has finished (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(status: JobStatus, payload: unknown): Promise<void> {
    status.state = 'active';
    status.attemptsMade += 1;
    try {
      status.result = await this.handlers.runInProcess(status.name, payload, async (p) => {
        status.progress = p;
      });
      status.progress = 100;
      status.state = 'completed';
    } catch (error) {
      status.error = jobError(error);
      status.state = 'failed';
    }
  }
}
