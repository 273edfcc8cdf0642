// Measuring in the benchmark's own process: wall time, peak RSS and heap, and (for the in-process
// evaluation, BENCH_SQL_DETAIL=1) the time inside SQL reads and writes through a patched query runner.
import type { QueryRunner } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

export interface SqlTimes {
  readMs: number;
  writeMs: number;
  reads: number;
  writes: number;
}
export const sql: SqlTimes = { readMs: 0, writeMs: 0, reads: 0, writes: 0 };
let countSql = false;
/** Counts the SQL of this process from now on (true) or no more (false). */
export function countingSql(on: boolean): void {
  countSql = on;
}
/** BENCH_SQL_DETAIL=1: time per statement shape, printed at the end (to see which query costs what). */
export const PER_QUERY = process.env['BENCH_SQL_DETAIL'] ? new Map<string, { ms: number; count: number }>() : null;
const originalQuery = PostgresQueryRunner.prototype.query;
// Queries of one transaction issued together (Promise.all) wait for each other on the connection:
// the phase times count the time at least one read (write) is in flight, not the sum of the queries.
const inFlight = { read: 0, write: 0 };
const since = { read: 0n, write: 0n };
PostgresQueryRunner.prototype.query = async function (this: QueryRunner, ...args: Parameters<typeof originalQuery>) {
  if (!countSql) return originalQuery.apply(this, args);
  const verb = String(args[0]).trimStart().slice(0, 6).toUpperCase();
  const kind = verb === 'SELECT' || verb === 'WITH ' ? 'read' : verb === 'INSERT' || verb === 'DELETE' || verb === 'UPDATE' ? 'write' : null;
  const started = process.hrtime.bigint();
  if (kind && inFlight[kind]++ === 0) since[kind] = started;
  try {
    return await originalQuery.apply(this, args);
  } finally {
    const ended = process.hrtime.bigint();
    const ms = Number(ended - started) / 1e6;
    if (kind && --inFlight[kind] === 0) {
      const spanMs = Number(ended - since[kind]) / 1e6;
      if (kind === 'read') sql.readMs += spanMs;
      else sql.writeMs += spanMs;
    }
    if (kind === 'read') sql.reads++;
    else if (kind === 'write') sql.writes++;
    if (PER_QUERY) {
      const key = String(args[0]).replace(/\$\d+(, ?\$\d+)*/g, '$…').replace(/\s+/g, ' ').slice(0, 140);
      const entry = PER_QUERY.get(key) ?? { ms: 0, count: 0 };
      entry.ms += ms;
      entry.count++;
      PER_QUERY.set(key, entry);
    }
  }
} as typeof originalQuery;

export interface Measured<T> {
  value: T;
  ms: number;
  peakRss: number;
  peakHeap: number;
  /** RSS and heap when the work started (after a collection when run with --expose-gc). */
  startRss: number;
  startHeap: number;
  /** The JavaScript heap and the Buffers outside it (rendered documents live there). */
  peakHeapAndBuffers: number;
}

export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  let peakHeapAndBuffers = start.heapUsed + start.arrayBuffers;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakHeapAndBuffers = Math.max(peakHeapAndBuffers, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 100);
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    sample();
    return { value, ms, peakRss, peakHeap, startRss: start.rss, startHeap: start.heapUsed, peakHeapAndBuffers };
  } finally {
    clearInterval(timer);
  }
}

export const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
export const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const n = (x: number): string => x.toLocaleString('en-US');
