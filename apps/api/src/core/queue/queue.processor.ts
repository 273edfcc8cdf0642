import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppException } from '../errors/error-codes';
import { JobHandlerRegistry, jobError } from './job-handlers';
import { JobName, QueueName } from './queue.constants';

/**
 * The BullMQ processors: thin, each dispatches to the registered handler. An
 * application error (bad input) is final; anything else is retried by BullMQ's attempts.
 */
abstract class DispatchingProcessor extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly handlers: JobHandlerRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    this.logger.log(`${job.name} ${job.id} attempt ${job.attemptsMade + 1}`);
    try {
      return await this.handlers.run(job.name as JobName, job.data, (p) => job.updateProgress(p));
    } catch (error) {
      const message = JSON.stringify(jobError(error));
      if (error instanceof AppException) throw new UnrecoverableError(message);
      throw new Error(message);
    }
  }
}

@Processor(QueueName.Datasets)
export class DatasetsQueueProcessor extends DispatchingProcessor {
  constructor(handlers: JobHandlerRegistry) {
    super(handlers);
  }
}

/** Region evaluations run one at a time per worker: each is long and writes many rows. */
@Processor(QueueName.Evaluations, { concurrency: 1 })
export class EvaluationsQueueProcessor extends DispatchingProcessor {
  constructor(handlers: JobHandlerRegistry) {
    super(handlers);
  }
}
