import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { Env } from '../config/env';
import { currentRequestId } from './request-context';

/**
 * The process's logger. `json`: one JSON object per line (level, time, context, message, requestId,
 * pid, and a stack for errors) for log collectors; otherwise Nest's readable lines, the request id
 * in the context. Either way every line written while serving a request or running a job names its id.
 */
export class AppLogger extends ConsoleLogger {
  constructor(options: { json: boolean; logLevels: LogLevel[] }) {
    super({ json: options.json, logLevels: options.logLevels, colors: options.json ? false : undefined });
  }

  protected override getJsonLogObject(message: unknown, options: Parameters<ConsoleLogger['getJsonLogObject']>[1]): ReturnType<ConsoleLogger['getJsonLogObject']> {
    const object = super.getJsonLogObject(message, options);
    const requestId = currentRequestId();
    return { time: new Date(object.timestamp).toISOString(), ...object, ...(requestId ? { requestId } : {}) };
  }

  protected override formatContext(context: string): string {
    const requestId = currentRequestId();
    return super.formatContext(requestId ? `${context}${context ? ' ' : ''}${requestId}` : context);
  }
}

/** JSON when LOG_FORMAT says so, or by default in production; readable otherwise. */
export function logsAsJson(env: Pick<Env, 'LOG_FORMAT' | 'NODE_ENV'>): boolean {
  return env.LOG_FORMAT ? env.LOG_FORMAT === 'json' : env.NODE_ENV === 'production';
}

/** The logger of the API and the worker: errors and warnings only in tests. */
export function createLogger(env: Pick<Env, 'LOG_FORMAT' | 'NODE_ENV'>): AppLogger {
  return new AppLogger({ json: logsAsJson(env), logLevels: env.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'] });
}
