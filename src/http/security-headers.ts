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
 * are left out, which keeps every answer ~400 bytes shorter.
 */
function apiHeaders(secure: boolean) {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: secure ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/** Security headers on every response: the API's under /api/, the page's elsewhere. */
export function securityHeaders(secure: boolean): MiddlewareHandler {
  const api = apiHeaders(secure);
  const page = pageHeaders(secure);
  return (c, next) => (c.req.path.startsWith('/api/') ? api(c, next) : page(c, next));
}
