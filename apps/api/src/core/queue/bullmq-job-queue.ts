import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfigService } from '../config/app-config.service';
import type { QueueDepth } from '../observability/metrics';
import { JobQueue, type QueueHealth } from './job-queue';
import { JobName, JobOf, JobState, JobStatus, QUEUE_OF_JOB, QueueName } from './queue.constants';
import { ErrorCode } from '../errors/error-codes';
import { QUEUE_TIMEOUT_MS, settlesWithin, withQueue } from './queue-availability';
import { childFailureOf, fanOutProgressOf, RETRIED, safeJson } from './bullmq-fan-out';

/** The fail-fast Redis connection the queues add and read jobs through (queue.module.ts). */
export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');

/**
 * With REDIS_URL: BullMQ; any API replica enqueues, any worker runs. Jobs are added and read through
 * queues of our own on the fail-fast connection (the workers keep BullModule's patient one), and
 * every call answers within QUEUE_TIMEOUT_MS: with Redis away it is a 503 JOBS_UNAVAILABLE, never a
 * request left hanging.
 */
@Injectable()
export class BullmqJobQueue extends JobQueue implements OnApplicationShutdown {
  /** Opened on first use once Redis answers, dropped after a failure (BullMQ keeps a failed start for good). */
  private queues: Partial<Record<QueueName, Queue>> = {};

  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    private readonly config: AppConfigService,
  ) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobOf<N>, jobId: string): Promise<string> {
    return this.use(`enqueue ${name}`, async () => {
      const queue = this.queue(QUEUE_OF_JOB[name]);
      const existing = await queue.getJob(jobId);
      if (existing && (await existing.getState()) === 'failed') await existing.remove(); // a failed job may be tried again
      const job = await queue.add(name, payload, {
        jobId,
        ...RETRIED,
        removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
        removeOnFail: false,
      });
      return job.id ?? jobId;
    });
  }

  async status(jobId: string): Promise<JobStatus | null> {
    return this.use('job status', () => this.readStatus(jobId));
  }

  async health(): Promise<QueueHealth> {
    const started = Date.now();
    try {
      await withQueue(this.redis, 'ping', () => this.redis.ping());
      return { configured: true, up: true, latencyMs: Date.now() - started };
    } catch {
      return { configured: true, up: false, latencyMs: Date.now() - started, detail: `Redis ${this.redis.status}` };
    }
  }

  async depth(): Promise<QueueDepth> {
    try {
      const depth: NonNullable<QueueDepth> = {};
      for (const name of Object.values(QueueName)) {
        depth[name] = await this.use('job counts', () => this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'));
      }
      return depth;
    } catch {
      return null;
    }
  }

  /** Closes the queues and their connection, without waiting on a Redis that does not answer. */
  async onApplicationShutdown(): Promise<void> {
    await settlesWithin(this.dropQueues(), QUEUE_TIMEOUT_MS);
    if (this.redis.status === 'ready' && (await settlesWithin(this.redis.quit(), QUEUE_TIMEOUT_MS))) return;
    this.redis.disconnect();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues[name];
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.config.get('QUEUE_PREFIX') });
      queue.on('error', () => undefined); // the connection logs each outage once (queue-availability.ts)
      this.queues[name] = queue;
    }
    return queue;
  }

  /** `work` on the queues within QUEUE_TIMEOUT_MS; after a failure the queues are opened afresh next time. */
  private async use<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await withQueue(this.redis, what, work);
    } catch (error) {
      void this.dropQueues();
      throw error;
    }
  }

  private async dropQueues(): Promise<void> {
    const open = Object.values(this.queues);
    this.queues = {};
    await Promise.all(open.map((queue) => queue.close().catch(() => undefined)));
  }

  private async readStatus(jobId: string): Promise<JobStatus | null> {
    for (const name of Object.values(QueueName)) {
      const queue = this.queue(name);
      // State first, then the job: a job that fails in between is read with its failure recorded.
      const state = (await queue.getJobState(jobId)) as string;
      if (state === 'unknown') continue;
      const job = (await queue.getJob(jobId)) as Job | undefined;
      if (!job) continue;
      const failure = state === 'failed' ? ((await childFailureOf(job, queue)) ?? (safeJson(job.failedReason) as JobStatus['error'])) : null;
      return {
        id: jobId,
        name: job.name as JobName,
        state: stateOf(state),
        progress: state === 'completed' ? 100 : ((await fanOutProgressOf(job)) ?? (typeof job.progress === 'number' ? job.progress : 0)),
        actorId: (job.data as { actorId: string }).actorId,
        result: job.returnvalue ?? null,
        error: state === 'failed' ? failure ?? { code: ErrorCode.INTERNAL_ERROR, message: '任务执行失败' } : null,
        attemptsMade: job.attemptsMade,
      };
    }
    return null;
  }
}

/** BullMQ's state as the API shows it: a job waiting for its children (a fan-out's batches running) is active. */
function stateOf(state: string): JobState {
  if (state === 'waiting-children') return 'active';
  return (['waiting', 'active', 'completed', 'failed', 'delayed'].includes(state) ? state : 'waiting') as JobState;
}
