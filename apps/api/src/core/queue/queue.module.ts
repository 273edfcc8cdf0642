import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import type { Env } from '../config/env';
import { BullmqJobQueue } from './bullmq-job-queue';
import { InlineJobQueue } from './inline-job-queue';
import { JobHandlerRegistry } from './job-handlers';
import { JobQueue } from './job-queue';
import { QueueName } from './queue.constants';
import { DatasetsQueueProcessor, EvaluationsQueueProcessor } from './queue.processor';

/** Jobs: BullMQ on REDIS_URL (processors only where RUN_JOB_PROCESSORS), else in-process. */
@Global()
@Module({})
export class QueueModule implements OnApplicationBootstrap {
  constructor(private readonly handlers: JobHandlerRegistry) {}

  static forRoot(env: Env): DynamicModule {
    const common: Provider[] = [JobHandlerRegistry];
    if (!env.REDIS_URL) {
      return {
        module: QueueModule,
        providers: [...common, InlineJobQueue, { provide: JobQueue, useExisting: InlineJobQueue }],
        exports: [JobQueue, JobHandlerRegistry, InlineJobQueue],
      };
    }
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX }),
        BullModule.registerQueue({ name: QueueName.Datasets }, { name: QueueName.Evaluations }),
      ],
      providers: [...common, BullmqJobQueue, { provide: JobQueue, useExisting: BullmqJobQueue }, ...(env.RUN_JOB_PROCESSORS ? [DatasetsQueueProcessor, EvaluationsQueueProcessor] : [])],
      exports: [JobQueue, JobHandlerRegistry],
    };
  }

  onApplicationBootstrap(): void {
    this.handlers.assertComplete();
  }
}
