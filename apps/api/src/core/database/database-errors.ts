/**
 * Whether an error is the database's passing trouble rather than the data's: the connection lost or
 * refused, the server shutting down or out of resources, a serialization failure or a deadlock. Such
 * an error fails a job so that it is retried; any other error of one sheet's evaluation is that sheet's.
 */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '40', '53', '57', '58'] as const; // connection, rollback, resources, operator intervention, system
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const codes = [(error as { code?: unknown }).code, (error as { driverError?: { code?: unknown } }).driverError?.code].filter((c): c is string => typeof c === 'string');
  for (const code of codes) {
    if (TRANSIENT_NODE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.some((c) => code.startsWith(c))) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message);
}
