import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';
import { acceptRequestId, runWithRequestId } from './request-context';

type ObservedRequest = Request & { correlationId?: string; route?: { path?: unknown } };

/**
 * Every request gets an id: the client's X-Request-Id (or X-Correlation-Id) when it is sane, else a
 * new UUID. It is answered in X-Request-Id (and X-Correlation-Id), named in every log line written
 * while serving the request, in an error's `correlationId`, in the audit events, and handed to the
 * jobs the request starts. When the answer is sent, its duration is counted by route and status
 * and one access line is logged (for API calls but the health probes).
 */
export function requestObservability(metrics: Metrics): (req: ObservedRequest, res: Response, next: NextFunction) => void {
  const logger = new Logger('HTTP');
  return (req, res, next) => {
    const requestId = acceptRequestId(req.header('x-request-id') ?? req.header('x-correlation-id'));
    req.correlationId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Correlation-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req);
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
      if (route === 'web' || route.startsWith('/api/health/')) return; // the app's files and the probes (every few seconds): counted, not logged
      runWithRequestId(requestId, () => logger.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${Math.round(seconds * 1000)} ms`));
    });
    runWithRequestId(requestId, next);
  };
}

/**
 * Enters the request's id again after the body parser: its callbacks come from the socket's stream
 * events, outside the context the first middleware opened.
 */
export function reenterRequestContext(req: ObservedRequest, _res: Response, next: NextFunction): void {
  if (req.correlationId) runWithRequestId(req.correlationId, next);
  else next();
}

/** The route's pattern (`/api/target-sheets/:id`): never the raw path, so that ids do not become series. */
function routeOf(req: ObservedRequest): string {
  const pattern = req.route?.path;
  if (typeof pattern === 'string') return `${req.baseUrl ?? ''}${pattern}`;
  return req.originalUrl.startsWith('/api') ? 'unmatched' : 'web';
}
