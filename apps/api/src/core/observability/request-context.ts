import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line of one request (or of one job) carries. */
export interface RequestContext {
  /** The request id (X-Request-Id), also the correlationId the services record and hand to jobs. */
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `requestId` as the id of every log line it writes, also across awaits. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The id of the request or job being served, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** A client's id is kept when it is a sane token (letters, digits, `_.:-`, up to 64, the audit column); else a new UUID. */
export function acceptRequestId(given: string | undefined): string {
  return given !== undefined && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}
