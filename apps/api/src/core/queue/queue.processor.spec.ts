import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobHandlerRegistry } from './job-handlers';
import { WORKER_DRAIN_MS } from './queue-availability';
import { EvaluationsQueueProcessor } from './queue.processor';

/** A processor on a fake worker: `pause` (wait for the job under way) resolves when `jobDone` is called, or never. */
function processorWith(redisStatus: string) {
  let finishJob = () => undefined as void;
  const worker = {
    name: 'evaluations',
    pause: jest.fn(() => new Promise<void>((done) => (finishJob = done))),
    close: jest.fn(async () => undefined),
  };
  const queue = { on: jest.fn() } as unknown as Queue;
  const processor = new EvaluationsQueueProcessor({} as JobHandlerRegistry, { status: redisStatus } as unknown as Redis, queue);
  (processor as unknown as { _worker: Worker })._worker = worker as unknown as Worker;
  return { processor, worker, jobDone: () => finishJob() };
}

describe('a worker on SIGTERM', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets the job under way finish, then closes', async () => {
    const { processor, worker, jobDone } = processorWith('ready');
    const closing = processor.beforeApplicationShutdown();
    expect(worker.pause).toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1000);
    expect(worker.close).not.toHaveBeenCalled(); // still waiting for the job
    jobDone();
    await jest.advanceTimersByTimeAsync(0);
    await closing;
    expect(worker.close).toHaveBeenCalledWith(true);
  });

  it(`lets go of a job still running after ${WORKER_DRAIN_MS} ms: closes without waiting for it`, async () => {
    const { processor, worker } = processorWith('ready');
    const closing = processor.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(WORKER_DRAIN_MS - 1);
    expect(worker.close).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    await closing;
    expect(worker.close).toHaveBeenCalledWith(true);
  });

  it('closes at once when Redis is away: nothing to finish or hand back', async () => {
    const { processor, worker } = processorWith('reconnecting');
    await processor.beforeApplicationShutdown();
    expect(worker.pause).not.toHaveBeenCalled();
    expect(worker.close).toHaveBeenCalledWith(true);
  });
});
