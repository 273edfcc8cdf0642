import { Job, JobsOptions, Queue, WaitingChildrenError } from 'bullmq';
import { ErrorCode } from '../errors/error-codes';
import { fanOutProgress, JobHandlerRegistry } from './job-handlers';
import { JobName, JobStatus, QUEUE_OF_JOB } from './queue.constants';

/** Every job is tried three times (2 s, then 4 s later) unless its error is final (an AppException). */
export const RETRIED: Pick<JobsOptions, 'attempts' | 'backoff'> = { attempts: 3, backoff: { type: 'exponential', delay: 2000 } };

/** What step 1 of a fan-out job records in its data: step 2's state and each child's weight (by index). */
interface FanOutRecord {
  state: unknown;
  weights: number[];
}

type FanOutData = { fanOut?: FanOutRecord } & Record<string, unknown>;

/** A child's id: its parent's and its index in the plan (the order `join` gets the results in). */
const childId = (parentId: string, index: number): string => `${parentId}.${index}`;
const indexOfChildKey = (key: string): number => Number(key.slice(key.lastIndexOf('.') + 1));

/**
 * A fan-out job on BullMQ ("process step jobs"). Step 1: plan, add the children with the job as their
 * parent (a child that finally fails fails it), record the plan and wait for them: the worker is free
 * for other jobs meanwhile (WaitingChildrenError). Step 2, when the last child is done (on whichever
 * worker takes the job up again): join their results. A retry of step 1 adds the same children again,
 * which BullMQ ignores (ids of the parent's and the index).
 */
export async function processFanOut(job: Job, token: string | undefined, queue: Queue, handlers: JobHandlerRegistry): Promise<unknown> {
  const name = job.name as JobName;
  const data = job.data as FanOutData;
  const { fanOut: recorded, ...payload } = data;
  let fanOut = recorded;
  if (!fanOut) {
    const plan = await handlers.plan(name, payload);
    if (QUEUE_OF_JOB[plan.child] !== queue.name) throw new Error(`${plan.child} runs on ${QUEUE_OF_JOB[plan.child]}, not on ${queue.name} with its parent ${name}`);
    const parent = { id: job.id!, queue: job.queueQualifiedName };
    await queue.addBulk(
      plan.children.map((child, index) => ({
        name: plan.child,
        data: child.payload,
        opts: { ...RETRIED, jobId: childId(job.id!, index), parent, failParentOnFailure: true, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
      })),
    );
    fanOut = { state: plan.state, weights: plan.children.map((c) => c.weight) };
    await job.updateData({ ...payload, fanOut });
    await job.updateProgress(1);
  }
  if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
  const values = await job.getChildrenValues<unknown>();
  const results: unknown[] = [];
  for (const [key, value] of Object.entries(values)) results[indexOfChildKey(key)] = value;
  return handlers.join(name, payload, fanOut.state, results);
}

/** A fan-out job's progress before it completes: the weight of its children done (not pending any more) ÷ all, at most 99. */
export async function fanOutProgressOf(job: Job): Promise<number | null> {
  const fanOut = (job.data as FanOutData).fanOut;
  if (!fanOut) return null;
  const { unprocessed = [] } = await job.getDependencies();
  const total = fanOut.weights.reduce((a, b) => a + b, 0);
  const pending = unprocessed.reduce((sum, key) => sum + (fanOut.weights[indexOfChildKey(key)] ?? 0), 0);
  return Math.min(99, fanOutProgress(total - pending, total));
}

/**
 * The error of a fan-out job failed by a child ("child <key> failed"): the child's own error (its
 * code and Chinese message), saying which part of the job it was. Null for any other failure.
 */
export async function childFailureOf(job: Job, queue: Queue): Promise<JobStatus['error']> {
  const match = /^child (.+) failed$/.exec(job.failedReason ?? '');
  const fanOut = (job.data as FanOutData).fanOut;
  if (!match || !fanOut) return null;
  const id = match[1]!.slice(match[1]!.lastIndexOf(':') + 1);
  const child = (await queue.getJob(id)) as Job | undefined;
  const own = child?.failedReason ? (safeJson(child.failedReason) as JobStatus['error']) : null;
  const part = `第 ${indexOfChildKey(id) + 1} 批（共 ${fanOut.weights.length} 批）重试后仍失败，整个任务已停止，可重新发起`;
  return { code: own?.code ?? ErrorCode.INTERNAL_ERROR, message: `${own?.message ?? '任务执行失败'}（${part}）`, details: own?.details };
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
