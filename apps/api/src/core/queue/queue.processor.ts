import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { Job, Queue, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppException } from '../errors/error-codes';
import { processFanOut } from './bullmq-fan-out';
import { PRODUCER_REDIS } from './bullmq-job-queue';
import { JobHandlerRegistry, jobError } from './job-handlers';
import { settlesWithin, WORKER_DRAIN_MS } from './queue-availability';
import { JobName, QueueName } from './queue.constants';

/**
 * The BullMQ processors: thin, each dispatches to the registered handler (a fan-out job in its two
 * steps, bullmq-fan-out.ts). An application error (bad input) is final; anything else is retried
 * by BullMQ's attempts.
 */
abstract class DispatchingProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  /** The worker's connection errors are logged once per outage, not at every retry. */
  private failing = false;

  constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly redis: Redis,
    private readonly queue: Queue,
  ) {
    super();
    queue.on('error', () => undefined); // the queue registered for the worker's options: its connection errors are the worker's (logged once below)
  }

  async process(job: Job, token?: string): Promise<unknown> {
    this.logger.log(`${job.name} ${job.id} attempt ${job.attemptsMade + 1}`);
    try {
      if (this.handlers.isFanOut(job.name as JobName)) return await processFanOut(job, token, this.queue, this.handlers);
      return await this.handlers.run(job.name as JobName, job.data, (p) => job.updateProgress(p));
    } catch (error) {
      if (error instanceof WaitingChildrenError) throw error; // step 1 done: the job waits for its children
      const message = JSON.stringify(jobError(error));
      if (error instanceof AppException) throw new UnrecoverableError(message);
      throw new Error(message);
    }
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(`worker connection: ${error.message}; it keeps retrying and resumes when Redis is back`);
  }

  @OnWorkerEvent('ready')
  onWorkerReady(): void {
    this.failing = false;
  }

  /**
   * SIGTERM: take no new job and let the one under way finish for WORKER_DRAIN_MS, then close
   * without waiting for it: it is let go (its lock lapses and another worker takes it up again; each
   * batch is its own transaction, so nothing is half-written). With Redis away there is nothing to
   * finish or hand back: the worker closes at once instead of waiting on a connection that never comes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (this.redis.status === 'ready' && !(await settlesWithin(worker.pause(), WORKER_DRAIN_MS))) {
      this.logger.warn(`${worker.name}: a job still running after ${WORKER_DRAIN_MS} ms is let go to another worker`);
    }
    await settlesWithin(worker.close(true), 1000);
  }
}

@Processor(QueueName.Datasets)
export class DatasetsQueueProcessor extends DispatchingProcessor {
  constructor(handlers: JobHandlerRegistry, @Inject(PRODUCER_REDIS) redis: Redis, @InjectQueue(QueueName.Datasets) queue: Queue) {
    super(handlers, redis, queue);
  }
}

/** Region evaluations' batches (and their parents' two short steps): EVALUATION_CONCURRENCY at once per worker (queue.module.ts sets the options). */
@Processor(QueueName.Evaluations, { concurrency: 2 })
export class EvaluationsQueueProcessor extends DispatchingProcessor {
  constructor(handlers: JobHandlerRegistry, @Inject(PRODUCER_REDIS) redis: Redis, @InjectQueue(QueueName.Evaluations) queue: Queue) {
    super(handlers, redis, queue);
  }
}

/** Region exports (全地区自评表导出): one at a time per worker, each streaming its zip to DATA_DIR/exports. */
@Processor(QueueName.Exports)
export class ExportsQueueProcessor extends DispatchingProcessor {
  constructor(handlers: JobHandlerRegistry, @Inject(PRODUCER_REDIS) redis: Redis, @InjectQueue(QueueName.Exports) queue: Queue) {
    super(handlers, redis, queue);
  }
}
