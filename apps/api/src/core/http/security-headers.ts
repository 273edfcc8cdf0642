import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The inline event handler Angular's build writes into index.html to load the global stylesheet
 * without blocking (critical CSS inlining: `<link … media="print" onload="this.media='all'">`). The
 * policy allows exactly this handler by its hash ('unsafe-hashes'), no other inline script.
 */
export const ANGULAR_STYLESHEET_ONLOAD = "this.media='all'";
const ANGULAR_STYLESHEET_ONLOAD_HASH = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * Content-Security-Policy directives for the API and the Angular app it serves. Scripts only from this
 * origin (plus the one hashed handler above); styles may be inline because ng-zorro injects its component
 * styles at runtime and the build inlines critical CSS; ECharts draws on canvas and exports as data:
 * images; nothing is framed or posted elsewhere. Helmet's default directives are not merged in (its
 * `upgrade-insecure-requests` would break a plain-HTTP intranet install, its `script-src-attr 'none'`
 * the stylesheet handler).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD_HASH],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD_HASH],
};

/** Browser features the app never uses (helmet does not set Permissions-Policy). */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';

/**
 * The security headers of every answer, by helmet: the CSP above, HSTS for a year with subdomains
 * (browsers heed it over HTTPS only), no MIME sniffing, no framing (DENY), no referrer, an isolated
 * browsing context and resources for this origin only, Origin-Agent-Cluster, no DNS prefetch, no
 * X-Powered-By, X-XSS-Protection: 0 (the old filters caused leaks); plus the Permissions-Policy.
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as Record<string, string[]> },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true, preload: false },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xDnsPrefetchControl: { allow: false },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    headers(req, res, next);
  };
}
