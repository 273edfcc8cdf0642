// Real worker processes for the year-end benchmark (bench/README.md): the built worker
// (`npm run build:worker`) on the benchmark's database and a Redis queue prefix of its own, and the
// region job enqueued and followed through the app's own BullmqJobQueue, as the API does.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AppConfigService } from '../apps/api/src/core/config/app-config.service';
import { BullmqJobQueue } from '../apps/api/src/core/queue/bullmq-job-queue';
import { createProducerConnection } from '../apps/api/src/core/queue/queue-availability';
import { JobName, JobOf, JobStatus } from '../apps/api/src/core/queue/queue.constants';

/** The worker as `npm run start:worker` starts it: its Node options and its main file (package.json). */
const [WORKER_MAIN, ...WORKER_NODE_OPTIONS] = workerCommand();

function workerCommand(): string[] {
  const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts['start:worker'];
  const [node, ...args] = script.split(/\s+/);
  if (node !== 'node' || args.length === 0) throw new Error(`start:worker is not "node [options] main.js": ${script}`);
  return [args.at(-1)!, ...args.slice(0, -1)];
}

/** Builds the worker from this checkout (BENCH_SKIP_BUILD=1: use the build there is). */
export function buildWorker(): void {
  if (process.env['BENCH_SKIP_BUILD']) return;
  execFileSync('npm', ['run', '--silent', 'build:worker'], { stdio: 'inherit' });
}

export interface WorkerProcess {
  name: string;
  pid: number;
  /** Ids of the batch jobs this worker started, in order (its log lines "evaluation.batch <id> attempt n"). */
  started: string[];
  /** Each batch's time on this worker in ms, in the order they finished (its log lines "evaluation.batch done in N ms"). */
  batchMs: number[];
  /** Its peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>;
  /** kill -9. */
  kill(): Promise<void>;
}

export interface WorkerSetup {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  lockSeconds: number;
}

/** Starts one worker process and waits until it processes jobs. */
export async function startWorker(name: string, setup: WorkerSetup): Promise<WorkerProcess> {
  // BENCH_CPU_PROF=<dir>: each worker writes a CPU profile there when it stops (node --cpu-prof)
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...WORKER_NODE_OPTIONS, ...profile, WORKER_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      DATABASE_URL: setup.databaseUrl,
      REDIS_URL: setup.redisUrl,
      QUEUE_PREFIX: setup.prefix,
      JWT_SECRET: 'bench-worker-secret-0123456789',
      JOB_LOCK_SECONDS: String(setup.lockSeconds),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const started: string[] = [];
  const batchMs: number[] = []; // each batch's time on this worker, in the order they finished
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        let message = line;
        try {
          message = String((JSON.parse(line) as { message?: unknown }).message ?? line);
        } catch {
          // a line that is not JSON (a crash's output): kept as it is
        }
        if (message === 'processing jobs') resolve();
        const batch = /^evaluation\.batch (\S+) attempt \d+/.exec(message);
        if (batch) started.push(batch[1]!);
        const done = /^evaluation\.batch done in (\d+) ms/.exec(message);
        if (done) batchMs.push(Number(done[1]));
      });
    }
    void exited.then(() => reject(new Error(`worker ${name} exited before it was ready:\n${lines.slice(-20).join('\n')}`)));
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 120_000);
  try {
    await ready;
  } finally {
    clearTimeout(timeout);
  }
  let peakKb = 0;
  const peakRssMb = (): number => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // gone: the last reading stands
    }
    return Math.round(peakKb / 1024);
  };
  return {
    name,
    pid: child.pid!,
    started,
    batchMs,
    peakRssMb,
    async stop() {
      peakRssMb();
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      peakRssMb();
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The app's job queue on the benchmark's Redis prefix: enqueues and reads jobs as the API does. */
export async function openQueue(redisUrl: string, prefix: string): Promise<{ queue: BullmqJobQueue; close(): Promise<void> }> {
  const redis = createProducerConnection(redisUrl);
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  const queue = new BullmqJobQueue(redis, { get: () => prefix } as unknown as AppConfigService);
  return { queue, close: () => queue.onApplicationShutdown() };
}

export interface RegionRun {
  ms: number;
  status: JobStatus;
  progress: number[]; // every progress read while it ran
}

/**
 * Enqueues a region's evaluation and follows it to its end (status every 100 ms), as a user's page
 * would: the time from the enqueue to the job's completion. `onProgress` sees each reading.
 */
export async function runRegionJob(
  queue: BullmqJobQueue,
  payload: JobOf<JobName.EvaluateRegion>,
  onProgress: (percent: number) => Promise<void> = async () => undefined,
): Promise<RegionRun> {
  const jobId = `evaluation-${payload.organizationId}-${payload.fiscalYear}-${randomUUID()}`;
  const started = process.hrtime.bigint();
  await queue.enqueue(JobName.EvaluateRegion, payload, jobId);
  const progress: number[] = [];
  for (;;) {
    const status = await queue.status(jobId);
    if (!status) throw new Error(`job ${jobId} not found`);
    progress.push(status.progress);
    if (status.state === 'completed' || status.state === 'failed') {
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, status, progress };
    }
    await onProgress(status.progress);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
