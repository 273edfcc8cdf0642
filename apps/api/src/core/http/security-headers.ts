import type { NextFunction, Request, Response } from 'express';

/**
 * The inline event handler Angular's build writes into index.html to load the global stylesheet
 * without blocking (critical CSS inlining: `<link … media="print" onload="this.media='all'">`). The
 * policy allows exactly this handler by its hash ('unsafe-hashes'), no other inline script.
 */
export const ANGULAR_STYLESHEET_ONLOAD = "this.media='all'";
const ANGULAR_STYLESHEET_ONLOAD_HASH = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * Content-Security-Policy for the API and the Angular app it serves. Scripts only from this origin
 * (plus the one hashed handler above); styles may be inline because ng-zorro injects its component
 * styles at runtime and the build inlines critical CSS; ECharts draws on canvas and exports as data:
 * images; nothing is framed or posted elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-hashes' ${ANGULAR_STYLESHEET_ONLOAD_HASH}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  `script-src-attr 'unsafe-hashes' ${ANGULAR_STYLESHEET_ONLOAD_HASH}`,
].join('; ');

/**
 * The security headers of every answer (those helmet sets by default, written out here): the CSP,
 * HSTS (browsers heed it over HTTPS only), no MIME sniffing, no framing, no referrer across origins,
 * an isolated browsing context, and resources for this origin only.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  next();
}
