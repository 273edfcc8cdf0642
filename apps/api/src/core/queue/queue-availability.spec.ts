import type { Redis } from 'ioredis';
import { AppException } from '../errors/error-codes';
import { QUEUE_TIMEOUT_MS, settlesWithin, withQueue } from './queue-availability';

const redis = (status: string) => ({ status }) as unknown as Redis;

async function failure(promise: Promise<unknown>): Promise<AppException> {
  try {
    await promise;
  } catch (error) {
    return error as AppException;
  }
  throw new Error('expected a failure');
}

describe(withQueue.name, () => {
  it('runs the work while Redis is connected', async () => {
    await expect(withQueue(redis('ready'), 'add', async () => 'job-1')).resolves.toBe('job-1');
  });

  it('answers JOBS_UNAVAILABLE at once while Redis is not connected, without trying', async () => {
    const work = jest.fn(async () => 'never');
    const error = await failure(withQueue(redis('reconnecting'), 'add', work));
    expect(error).toBeInstanceOf(AppException);
    expect(error.code).toBe('JOBS_UNAVAILABLE');
    expect(error.userMessage).toBe('后台任务队列（Redis）暂时无法连接，任务未能提交或查询，请稍后重试');
    expect(work).not.toHaveBeenCalled();
  });

  it('gives up on work that does not answer within the timeout, and turns a Redis error into JOBS_UNAVAILABLE', async () => {
    const started = Date.now();
    const error = await failure(withQueue(redis('ready'), 'add', () => new Promise(() => undefined)));
    expect(error.code).toBe('JOBS_UNAVAILABLE');
    expect(Date.now() - started).toBeGreaterThanOrEqual(QUEUE_TIMEOUT_MS - 50);
    expect(Date.now() - started).toBeLessThan(2000);
    const broken = await failure(withQueue(redis('ready'), 'add', async () => Promise.reject(new Error("Stream isn't writeable"))));
    expect(broken.code).toBe('JOBS_UNAVAILABLE');
    expect(broken.detail).toContain("Stream isn't writeable");
  });

  it('keeps application errors as they are', async () => {
    const own = new AppException('JOB_NOT_FOUND' as never, '找不到该任务');
    await expect(withQueue(redis('ready'), 'status', async () => Promise.reject(own))).rejects.toBe(own);
  });
});

describe(settlesWithin.name, () => {
  it('tells whether a promise settles in time', async () => {
    await expect(settlesWithin(Promise.resolve(), 50)).resolves.toBe(true);
    await expect(settlesWithin(Promise.reject(new Error('x')), 50)).resolves.toBe(true);
    await expect(settlesWithin(new Promise(() => undefined), 50)).resolves.toBe(false);
  });
});
