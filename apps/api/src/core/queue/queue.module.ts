import { BullModule, Processor } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import type { Env } from '../config/env';
import { ObservabilityModule } from '../observability/observability.module';
import { BullmqJobQueue, PRODUCER_REDIS } from './bullmq-job-queue';
import { InlineJobQueue } from './inline-job-queue';
import { JobHandlerRegistry } from './job-handlers';
import { JobQueue } from './job-queue';
import { createProducerConnection } from './queue-availability';
import { QueueName } from './queue.constants';
import { DatasetsQueueProcessor, EvaluationsQueueProcessor, ExportsQueueProcessor } from './queue.processor';

/**
 * Jobs: BullMQ on REDIS_URL (processors only where RUN_JOB_PROCESSORS), else in-process. Jobs are
 * added and read through one fail-fast connection (no offline queue, short timeouts), so a Redis
 * outage is a quick 503 JOBS_UNAVAILABLE; the workers keep their own connection and reconnect.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationBootstrap {
  constructor(private readonly handlers: JobHandlerRegistry) {}

  static forRoot(env: Env): DynamicModule {
    const common: Provider[] = [JobHandlerRegistry];
    if (!env.REDIS_URL) {
      return {
        module: QueueModule,
        imports: [ObservabilityModule],
        providers: [...common, InlineJobQueue, { provide: JobQueue, useExisting: InlineJobQueue }],
        exports: [JobQueue, JobHandlerRegistry, InlineJobQueue],
      };
    }
    const url = env.REDIS_URL;
    // the evaluation workers' batches at once (EVALUATION_CONCURRENCY), their lock and the stalled-job check (JOB_LOCK_SECONDS)
    const lockMs = env.JOB_LOCK_SECONDS * 1000;
    Processor(QueueName.Evaluations, { concurrency: env.EVALUATION_CONCURRENCY, lockDuration: lockMs, stalledInterval: lockMs })(EvaluationsQueueProcessor);
    return {
      module: QueueModule,
      // the processors (workers) take BullModule's shared connection options: patient, they reconnect and resume
      imports: [
        ObservabilityModule,
        BullModule.forRoot({ connection: { url, connectTimeout: 5000 }, prefix: env.QUEUE_PREFIX }),
        ...(env.RUN_JOB_PROCESSORS ? [BullModule.registerQueue({ name: QueueName.Datasets }, { name: QueueName.Evaluations }, { name: QueueName.Exports })] : []),
      ],
      providers: [
        ...common,
        { provide: PRODUCER_REDIS, useFactory: () => createProducerConnection(url) },
        BullmqJobQueue,
        { provide: JobQueue, useExisting: BullmqJobQueue },
        ...(env.RUN_JOB_PROCESSORS ? [DatasetsQueueProcessor, EvaluationsQueueProcessor, ExportsQueueProcessor] : []),
      ],
      exports: [JobQueue, JobHandlerRegistry],
    };
  }

  onApplicationBootstrap(): void {
    this.handlers.assertComplete();
  }
}
