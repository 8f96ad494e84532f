import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { hashSecret } from '../app/tokens.ts';
import { actorForApiToken } from '../db/repositories/actors.ts';
import { DomainError } from '../domain/errors.ts';
import type { HttpEnv } from './env.ts';

/** The client's address, for the audit log and rate limits. */
export function clientIp(c: Parameters<MiddlewareHandler<HttpEnv>>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/**
 * Resolves who is asking from `Authorization: Bearer <token>` (integrations).
 * A bad token is refused outright rather than treated as anonymous.
 */
export const authenticate: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    const actor = await actorForApiToken(c.var.deps.db, hashSecret(match[1]), clientIp(c), c.var.deps.now());
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
    c.set('actor', actor);
  }
  await next();
};
