import { Logger } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { AppException, ErrorCode } from '../errors/error-codes';

/** How long a request waits for the job queue (Redis) before answering 503 JOBS_UNAVAILABLE. */
export const QUEUE_TIMEOUT_MS = 1500;

/**
 * On SIGTERM, how long the jobs under way get to finish before the workers let go of them (BullMQ
 * gives an unfinished job to another worker once its lock lapses). With the HTTP server's close and
 * the hard exit timer of main.ts, the process is gone within 10 s.
 */
export const WORKER_DRAIN_MS = 6000;

/** What a user reads when jobs cannot be enqueued or read. */
export const JOBS_UNAVAILABLE_MESSAGE = '后台任务队列（Redis）暂时无法连接，任务未能提交或查询，请稍后重试';

export function jobsUnavailable(english: string): AppException {
  return new AppException(ErrorCode.JOBS_UNAVAILABLE, `${JOBS_UNAVAILABLE_MESSAGE} / job queue unavailable: ${english}`);
}

/**
 * The Redis connection jobs are added and read through. It fails fast instead of queueing commands
 * while Redis is away (no offline queue, one retry per command, a short connect timeout), keeps
 * reconnecting in the background, and logs each outage once rather than every retry.
 */
export function createProducerConnection(url: string): Redis {
  const logger = new Logger('JobQueue');
  const redis = new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 500, 5000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis unreachable (${redis.options.host}:${redis.options.port}): ${error.message}; job endpoints answer 503 until it is back`);
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis reachable again');
    down = false;
  });
  return redis;
}

/** `work`, or JOBS_UNAVAILABLE when Redis is not connected now or does not answer within QUEUE_TIMEOUT_MS. */
export async function withQueue<T>(redis: Redis, what: string, work: () => Promise<T>): Promise<T> {
  if (redis.status !== 'ready') throw jobsUnavailable(`${what}: redis ${redis.status}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(jobsUnavailable(`${what}: no answer within ${QUEUE_TIMEOUT_MS} ms`)), QUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof AppException) throw error;
    throw jobsUnavailable(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves true when `promise` settles within `ms`, false otherwise (it keeps running). */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
