import type { Tx } from '../../db/client.ts';
import { deleteSession, insertSession, sessionByTokenHash } from '../../db/repositories/identity.ts';
import { hashSecret, newSecret } from '../tokens.ts';
import { sessionPolicy } from './session-policy.ts';

/**
 * Starts a browser session acting with one membership; the cookie the browser had before (if any)
 * is dropped, so a session id is never carried over a sign-in (rotation). Returns the cookie token.
 */
export async function startSession(
  tx: Tx,
  input: {
    userId: string;
    membership: { id: string; tenantId: string | null } | undefined;
    now: Date;
    ip: string | null;
    userAgent: string | null;
    previousTokenHash?: string | undefined;
    /** How the person signed in; a single sign-on session cannot switch tenant. */
    via?: 'password' | 'oidc';
  },
) {
  if (input.previousTokenHash) {
    const old = await sessionByTokenHash(tx, input.previousTokenHash);
    if (old) await deleteSession(tx, old.session.id);
  }
  const token = newSecret();
  const session = await insertSession(tx, {
    tokenHash: hashSecret(token),
    userId: input.userId,
    tenantId: input.membership?.tenantId ?? null,
    membershipId: input.membership?.id ?? null,
    csrfToken: newSecret(),
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + sessionPolicy.absoluteMs),
    ip: input.ip,
    userAgent: input.userAgent,
    via: input.via ?? 'password',
  });
  return { token, session };
}
