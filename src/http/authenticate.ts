import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { actorForSession } from '../app/identity/session.ts';
import { sessionPolicy } from '../app/identity/session-policy.ts';
import { actorForApiToken } from '../app/identity/api-token-actor.ts';
import { hashSecret } from '../app/tokens.ts';
import { DomainError } from '../domain/errors.ts';
import type { HttpEnv } from './env.ts';

/**
 * The client's address, for the audit log and rate limits. Behind a reverse proxy (trustProxy) it
 * is the last X-Forwarded-For entry, the one the proxy itself added; earlier entries can be forged.
 */
export function clientIp(c: Context<HttpEnv>): string | null {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in needs no session yet; SameSite=Lax and the credentials themselves protect it. */
const csrfExempt = (method: string, path: string) => method === 'POST' && path.endsWith('/api/v1/sessions');

/**
 * Resolves who is asking: `Authorization: Bearer <token>` (integrations) or the session cookie
 * (browser). A bad token is refused outright; a stale cookie counts as no session. Cookie-based
 * writes must carry the session's CSRF token in `X-CSRF-Token`.
 */
export const authenticate: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const { deps } = c.var;
  const header = c.req.header('Authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    const actor = await actorForApiToken(deps, match[1], clientIp(c));
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
    c.set('actor', actor);
    return next();
  }
  const cookie = getCookie(c, sessionPolicy.cookieName);
  if (cookie) {
    const found = await actorForSession(deps, hashSecret(cookie), clientIp(c));
    if (found) {
      c.set('actor', found.actor);
      c.set('csrfToken', found.csrfToken);
      if (!safeMethods.has(c.req.method) && !csrfExempt(c.req.method, c.req.path)) {
        if (c.req.header('X-CSRF-Token') !== found.csrfToken) {
          throw new DomainError(
            'FORBIDDEN',
            'The request lacks a valid X-CSRF-Token header; reload the page and try again.',
          );
        }
      }
    }
  }
  return next();
};
