import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobQueue } from './job-queue';
import { JobName, JobOf, JobState, JobStatus, QUEUE_OF_JOB, QueueName } from './queue.constants';
import { ErrorCode } from '../errors/error-codes';

/** With REDIS_URL: BullMQ; any API replica enqueues, any worker runs. */
@Injectable()
export class BullmqJobQueue extends JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(@InjectQueue(QueueName.Datasets) datasets: Queue, @InjectQueue(QueueName.Evaluations) evaluations: Queue) {
    super();
    this.queues = { [QueueName.Datasets]: datasets, [QueueName.Evaluations]: evaluations };
  }

  async enqueue<N extends JobName>(name: N, payload: JobOf<N>, jobId: string): Promise<string> {
    const queue = this.queues[QUEUE_OF_JOB[name]];
    const existing = await queue.getJob(jobId);
    if (existing && (await existing.getState()) === 'failed') await existing.remove(); // a failed job may be tried again
    const job = await queue.add(name, payload, {
      jobId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: false,
    });
    return job.id ?? jobId;
  }

  async status(jobId: string): Promise<JobStatus | null> {
    for (const queue of Object.values(this.queues)) {
      // State first, then the job: a job that fails in between is read with its failure recorded.
      const state = (await queue.getJobState(jobId)) as string;
      if (state === 'unknown') continue;
      const job = (await queue.getJob(jobId)) as Job | undefined;
      if (!job) continue;
      const failure = job.failedReason ? (safeJson(job.failedReason) as JobStatus['error']) : null;
      return {
        id: jobId,
        name: job.name as JobName,
        state: (['waiting', 'active', 'completed', 'failed', 'delayed'].includes(state) ? state : 'waiting') as JobState,
        progress: state === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0,
        actorId: (job.data as { actorId: string }).actorId,
        result: job.returnvalue ?? null,
        error: state === 'failed' ? failure ?? { code: ErrorCode.INTERNAL_ERROR, message: '任务执行失败' } : null,
        attemptsMade: job.attemptsMade,
      };
    }
    return null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
