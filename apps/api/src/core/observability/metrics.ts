import { Injectable } from '@nestjs/common';
import { Counter, Histogram, renderGauge } from './metrics-registry';

/** Request durations: from a fast read to a slow report or import. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Job durations: a small import to a region's year-end evaluation. */
const JOB_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800];

/** How many jobs wait, run, are delayed or failed, per queue; null when the queue cannot be read (Redis down). */
export type QueueDepth = Record<string, Partial<Record<'waiting' | 'active' | 'delayed' | 'failed' | 'completed', number>>> | null;

/**
 * The process's metrics (GET /api/metrics, Prometheus text format): HTTP request durations by route
 * and status, jobs by name and outcome with their durations, the queues' depth, and the process.
 */
@Injectable()
export class Metrics {
  readonly httpDuration = new Histogram('jixiao_http_request_duration_seconds', 'HTTP request duration by method, route and status', HTTP_BUCKETS);
  readonly jobsTotal = new Counter('jixiao_jobs_total', 'Background jobs finished, by name and outcome (completed, failed)');
  readonly jobDuration = new Histogram('jixiao_job_duration_seconds', 'Background job duration by name and outcome', JOB_BUCKETS);

  /** One request answered: `route` is the route's pattern (`/api/target-sheets/:id`), never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** One job run finished (an attempt: BullMQ may retry a failed one). */
  observeJob(name: string, outcome: 'completed' | 'failed', seconds: number): void {
    this.jobsTotal.inc({ name, outcome });
    this.jobDuration.observe({ name, outcome }, seconds);
  }

  /** The whole exposition, with the queues' depth read just now. */
  render(depth: QueueDepth): string {
    const memory = process.memoryUsage();
    const queueSamples = Object.entries(depth ?? {}).flatMap(([queue, states]) =>
      Object.entries(states).map(([state, value]) => ({ labels: { queue, state }, value: value ?? 0 })),
    );
    const lines = [
      ...this.httpDuration.render(),
      ...this.jobsTotal.render(),
      ...this.jobDuration.render(),
      ...renderGauge('jixiao_queue_jobs', 'Jobs in each queue by state', queueSamples),
      ...renderGauge('jixiao_queue_up', 'Whether the job queue could be read (0: Redis unreachable)', [{ labels: {}, value: depth === null ? 0 : 1 }]),
      ...renderGauge('process_resident_memory_bytes', 'Resident memory size in bytes', [{ labels: {}, value: memory.rss }]),
      ...renderGauge('nodejs_heap_used_bytes', 'V8 heap used in bytes', [{ labels: {}, value: memory.heapUsed }]),
      ...renderGauge('process_uptime_seconds', 'Seconds since the process started', [{ labels: {}, value: Math.round(process.uptime()) }]),
    ];
    return `${lines.join('\n')}\n`;
  }
}
