import { Injectable } from '@nestjs/common';
import { JobHandlerRegistry, jobError } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobName, JobOf, JobStatus } from './queue.constants';

/** Without REDIS_URL: jobs run in this process, one after another, through the same handlers. */
@Injectable()
export class InlineJobQueue extends JobQueue {
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

  /** Resolves when every job enqueued so far has finished (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  private async run(status: JobStatus, payload: unknown): Promise<void> {
    status.state = 'active';
    status.attemptsMade += 1;
    try {
      status.result = await this.handlers.run(status.name, payload, async (p) => {
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
