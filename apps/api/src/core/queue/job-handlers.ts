import { Injectable, Logger } from '@nestjs/common';
import { AppException, ErrorCode } from '../errors/error-codes';
import { JobName, JobOf, JobStatus } from './queue.constants';

export type JobHandler<N extends JobName> = (payload: JobOf<N>, reportProgress: (percent: number) => Promise<void>) => Promise<unknown>;

/** Handlers by job name: each bounded context registers its own; processors dispatch here. */
@Injectable()
export class JobHandlerRegistry {
  private readonly logger = new Logger(JobHandlerRegistry.name);
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  /** Startup check: one handler for every job name. */
  assertComplete(): void {
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n));
    if (missing.length > 0) throw new Error(`no job handler for ${missing.join(', ')}`);
  }

  async run(name: JobName, payload: unknown, reportProgress: (percent: number) => Promise<void>): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no job handler for ${name}`);
    const started = Date.now();
    const result = await handler(payload as JobOf<JobName>, reportProgress);
    this.logger.log(`${name} done in ${Date.now() - started} ms`);
    return result;
  }
}

/** A failed job's error as the API shows it: application errors keep their code and (Chinese) message. */
export function jobError(error: unknown): JobStatus['error'] {
  if (error instanceof AppException) return { code: error.code, message: error.userMessage, details: error.details };
  return { code: ErrorCode.INTERNAL_ERROR, message: '任务执行失败' };
}
