import { Injectable, Logger } from '@nestjs/common';
import { AppException, ErrorCode } from '../errors/error-codes';
import { Metrics } from '../observability/metrics';
import { runWithRequestId } from '../observability/request-context';
import { JobName, JobOf, JobStatus } from './queue.constants';

export type JobHandler<N extends JobName> = (payload: JobOf<N>, reportProgress: (percent: number) => Promise<void>) => Promise<unknown>;

/** One child job of a fan-out: its payload and its share of the parent's progress (e.g. its number of sheets). */
export interface FanOutChild<C extends JobName> {
  payload: JobOf<C>;
  weight: number;
}

/** Step 1 of a fan-out job: the children to run (each a job of its own, on any worker) and what step 2 needs (JSON). */
export interface FanOutPlan<C extends JobName, S> {
  child: C;
  children: FanOutChild<C>[];
  state: S;
}

/**
 * A job that fans out: `plan` once, then every child runs as a job of its own (any worker takes it,
 * retried on its own), then `join` makes the job's result of the children's results, in planned
 * order. Its progress is the weight of the children done ÷ the weight of all. A child that finally
 * fails fails the job.
 */
export interface FanOutHandler<N extends JobName, C extends JobName, S, R> {
  plan(payload: JobOf<N>): Promise<FanOutPlan<C, S>>;
  join(payload: JobOf<N>, state: S, results: R[]): Promise<unknown>;
}

type AnyFanOut = FanOutHandler<JobName, JobName, unknown, unknown>;

/** Handlers by job name: each bounded context registers its own; processors dispatch here. */
@Injectable()
export class JobHandlerRegistry {
  private readonly logger = new Logger(JobHandlerRegistry.name);
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly fanOuts = new Map<JobName, AnyFanOut>();

  constructor(private readonly metrics: Metrics) {}

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  registerFanOut<N extends JobName, C extends JobName, S, R>(name: N, handler: FanOutHandler<N, C, S, R>): void {
    this.fanOuts.set(name, handler as unknown as AnyFanOut);
  }

  /** Startup check: one handler for every job name. */
  assertComplete(): void {
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n) && !this.fanOuts.has(n));
    if (missing.length > 0) throw new Error(`no job handler for ${missing.join(', ')}`);
  }

  isFanOut(name: JobName): boolean {
    return this.fanOuts.has(name);
  }

  /**
   * Runs one job (one attempt) under the request id of the request that started it (its
   * correlationId), so that the job's log lines carry it; counts and times it for the metrics.
   */
  async run(name: JobName, payload: unknown, reportProgress: (percent: number) => Promise<void>): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no job handler for ${name}`);
    return this.traced(name, payload, true, () => handler(payload as JobOf<JobName>, reportProgress));
  }

  /** Step 1 of a fan-out job. */
  plan(name: JobName, payload: unknown): Promise<FanOutPlan<JobName, unknown>> {
    return this.traced(name, payload, false, () => this.fanOut(name).plan(payload as JobOf<JobName>));
  }

  /** Step 2 of a fan-out job: its result, of its children's results in planned order. */
  join(name: JobName, payload: unknown, state: unknown, results: unknown[]): Promise<unknown> {
    return this.traced(name, payload, true, () => this.fanOut(name).join(payload as JobOf<JobName>, state, results));
  }

  /**
   * A job run to its end in this process (no Redis): a fan-out's children one after another, in
   * planned order, then its join; progress as on BullMQ (1 once planned, then the weight done).
   */
  async runInProcess(name: JobName, payload: unknown, reportProgress: (percent: number) => Promise<void>): Promise<unknown> {
    if (!this.fanOuts.has(name)) return this.run(name, payload, reportProgress);
    const plan = await this.plan(name, payload);
    const total = plan.children.reduce((sum, c) => sum + c.weight, 0);
    await reportProgress(1);
    const results: unknown[] = [];
    let done = 0;
    for (const child of plan.children) {
      results.push(await this.run(plan.child, child.payload, async () => undefined));
      done += child.weight;
      await reportProgress(fanOutProgress(done, total));
    }
    return this.join(name, payload, plan.state, results);
  }

  private fanOut(name: JobName): AnyFanOut {
    const handler = this.fanOuts.get(name);
    if (!handler) throw new Error(`no fan-out handler for ${name}`);
    return handler;
  }

  private traced<T>(name: JobName, payload: unknown, finishes: boolean, work: () => Promise<T>): Promise<T> {
    const correlationId = (payload as { correlationId?: string | null } | null)?.correlationId;
    return runWithRequestId(correlationId ?? `job-${name}`, async () => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = await work();
        if (finishes) {
          this.metrics.observeJob(name, 'completed', seconds());
          this.logger.log(`${name} done in ${Math.round(seconds() * 1000)} ms`);
        }
        return result;
      } catch (error) {
        this.metrics.observeJob(name, 'failed', seconds());
        throw error;
      }
    });
  }
}

/** A fan-out's progress: the weight done ÷ all, 1..100 (1 as soon as it is planned). */
export function fanOutProgress(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(1, Math.min(100, Math.floor((done / total) * 100)));
}

/** A failed job's error as the API shows it: application errors keep their code and (Chinese) message. */
export function jobError(error: unknown): JobStatus['error'] {
  if (error instanceof AppException) return { code: error.code, message: error.userMessage, details: error.details };
  return { code: ErrorCode.INTERNAL_ERROR, message: '任务执行失败' };
}
