import { and, isNotNull, lt, lte, or } from 'drizzle-orm';
import { oidcLogins, oneTimeTokens, sessions, signInAttempts } from '../../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { sessionPolicy } from './session-policy.ts';

/** Sign-in attempts are kept a day (the limit looks back 15 minutes; the audit log keeps the rest). */
const attemptsKeptMs = 24 * 60 * 60 * 1000;
/** Used or expired one-time links are kept 30 days. */
const linksKeptMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes what sign-in leaves behind: expired sessions (idle or absolute), old sign-in attempts,
 * OIDC logins that were never finished, and old one-time links. Run by the scheduler's housekeeping.
 */
export async function purgeIdentityLeftovers(deps: AppDeps, now: Date) {
  const t = now.getTime();
  const gone = async (rows: Promise<unknown[]>) => (await rows).length;
  return {
    sessions: await gone(
      deps.db
        .delete(sessions)
        .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, new Date(t - sessionPolicy.idleMs))))
        .returning({ id: sessions.id }),
    ),
    signInAttempts: await gone(
      deps.db
        .delete(signInAttempts)
        .where(lt(signInAttempts.at, new Date(t - attemptsKeptMs)))
        .returning({ id: signInAttempts.id }),
    ),
    oidcLogins: await gone(
      deps.db.delete(oidcLogins).where(lte(oidcLogins.expiresAt, now)).returning({ id: oidcLogins.id }),
    ),
    oneTimeLinks: await gone(
      deps.db
        .delete(oneTimeTokens)
        .where(
          or(
            lt(oneTimeTokens.expiresAt, new Date(t - linksKeptMs)),
            and(isNotNull(oneTimeTokens.usedAt), lt(oneTimeTokens.usedAt, new Date(t - linksKeptMs))),
          ),
        )
        .returning({ id: oneTimeTokens.id }),
    ),
  };
}
