import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Security headers of the web UI: a CSP without inline scripts, no framing, no sniffing. */
function pageHeaders(secure: boolean) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: secure ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Security headers of API answers (JSON, problem+json, file downloads): nothing in them may load
 * or run anything or be framed (`default-src 'none'`, the OWASP advice for APIs), no sniffing, no
 * referrer leaks; the headers only a browser page uses (XSS filter, DNS prefetch, download options)
 * are left out, which keeps every answer ~400 bytes shorter. A fixed record, so that answers built
 * before any middleware runs (the liveness probe) carry the very same headers.
 */
export function apiHeaderRecord(secure: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(secure ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}

function apiHeaders(secure: boolean): MiddlewareHandler {
  const headers = Object.entries(apiHeaderRecord(secure));
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}

/** Security headers on every response: the API's under /api/, the page's elsewhere. */
export function securityHeaders(secure: boolean): MiddlewareHandler {
  const api = apiHeaders(secure);
  const page = pageHeaders(secure);
  return (c, next) => (c.req.path.startsWith('/api/') ? api(c, next) : page(c, next));
}
