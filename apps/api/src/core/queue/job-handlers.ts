import { Injectable, Logger } from '@nestjs/common';
import { AppException, ErrorCode } from '../errors/error-codes';
import { Metrics } from '../observability/metrics';
import { runWithRequestId } from '../observability/request-context';
import { JobName, JobOf, JobStatus } from './queue.constants';

export type JobHandler<N extends JobName> = (payload: JobOf<N>, reportProgress: (percent: number) => Promise<void>) => Promise<unknown>;

/** Handlers by job name: each bounded context registers its own; processors dispatch here. */
@Injectable()
export class JobHandlerRegistry {
  private readonly logger = new Logger(JobHandlerRegistry.name);
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(private readonly metrics: Metrics) {}

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  /** Startup check: one handler for every job name. */
  assertComplete(): void {
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n));
    if (missing.length > 0) throw new Error(`no job handler for ${missing.join(', ')}`);
  }

  /**
   * Runs one job (one attempt) under the request id of the request that started it (its
   * correlationId), so that the job's log lines carry it; counts and times it for the metrics.
   */
  async run(name: JobName, payload: unknown, reportProgress: (percent: number) => Promise<void>): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no job handler for ${name}`);
    const correlationId = (payload as { correlationId?: string | null } | null)?.correlationId;
    return runWithRequestId(correlationId ?? `job-${name}`, async () => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = await handler(payload as JobOf<JobName>, reportProgress);
        this.metrics.observeJob(name, 'completed', seconds());
        this.logger.log(`${name} done in ${Math.round(seconds() * 1000)} ms`);
        return result;
      } catch (error) {
        this.metrics.observeJob(name, 'failed', seconds());
        throw error;
      }
    });
  }
}

/** A failed job's error as the API shows it: application errors keep their code and (Chinese) message. */
export function jobError(error: unknown): JobStatus['error'] {
  if (error instanceof AppException) return { code: error.code, message: error.userMessage, details: error.details };
  return { code: ErrorCode.INTERNAL_ERROR, message: '任务执行失败' };
}
