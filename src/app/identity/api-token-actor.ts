import { writeAudit } from '../../db/audit.ts';
import { touchInBackground } from '../../db/last-used.ts';
import { apiTokenHolder, markApiTokenUsed } from '../../db/repositories/actors.ts';
import { isRole } from '../../domain/access.ts';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { hashSecret } from '../tokens.ts';

/** lastUsedAt is written at most once a minute, in the background, to keep reads cheap. */
const touchEveryMs = 60 * 1000;

/**
 * The actor a bearer token stands for, or null (unknown, revoked, disabled user or membership).
 * The token's last use is kept to the minute and the first use of a (UTC) day is audited, in the
 * background: a burst of requests on one token never queues behind that bookkeeping.
 */
export async function actorForApiToken(
  deps: Pick<AppDeps, 'db' | 'now'>,
  secret: string,
  ip: string | null,
): Promise<Actor | null> {
  const { db } = deps;
  const row = await apiTokenHolder(db, hashSecret(secret));
  if (!row || row.userDisabled || row.membershipDisabled || !isRole(row.role)) return null;
  const now = deps.now();
  const last = row.lastUsedAt;
  touchInBackground(db, `apiToken:${row.tokenId}`, { last, now, everyMs: touchEveryMs }, async () => {
    const firstToday = !last || last.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      await markApiTokenUsed(tx, row.tokenId, now);
      if (firstToday) {
        await writeAudit(tx, {
          tenantId: row.tenantId,
          actorUserId: row.userId,
          actorLabel: row.email,
          action: 'apiToken.use',
          objectType: 'apiToken',
          objectId: row.tokenId,
          details: { name: row.tokenName },
          ip,
        });
      }
    });
  });
  return {
    userId: row.userId,
    email: row.email,
    tenantId: row.tenantId,
    role: row.role,
    membershipId: row.membershipId,
    supplierId: row.supplierId,
    initiativeId: row.initiativeId,
    via: 'token',
    ip,
  };
}
