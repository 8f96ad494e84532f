import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../app/actor.ts';
import { isRole } from '../../domain/access.ts';
import { writeAudit } from '../audit.ts';
import type { Db } from '../client.ts';
import { touchInBackground } from '../last-used.ts';
import { apiTokens, memberships, users } from '../schema/index.ts';

/** lastUsedAt is written at most once a minute, in the background, to keep reads cheap. */
const touchEveryMs = 60 * 1000;

/** Resolves a bearer token hash to the actor it stands for, or null (unknown, revoked, disabled). */
export async function actorForApiToken(
  db: Db,
  tokenHash: string,
  ip: string | null,
  now: Date,
): Promise<Actor | null> {
  const [row] = await db
    .select({ token: apiTokens, membership: memberships, user: users })
    .from(apiTokens)
    .innerJoin(memberships, eq(memberships.id, apiTokens.membershipId))
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.user.disabled || row.membership.disabled || !isRole(row.membership.role)) return null;
  // lastUsedAt is kept to the minute and the first use of a (UTC) day is audited, in the background.
  const last = row.token.lastUsedAt;
  touchInBackground(db, `apiToken:${row.token.id}`, { last, now, everyMs: touchEveryMs }, async () => {
    const firstToday = !last || last.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      await tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
      if (firstToday) {
        await writeAudit(tx, {
          tenantId: row.membership.tenantId,
          actorUserId: row.user.id,
          actorLabel: row.user.email,
          action: 'apiToken.use',
          objectType: 'apiToken',
          objectId: row.token.id,
          details: { name: row.token.name },
          ip,
        });
      }
    });
  });
  return {
    userId: row.user.id,
    email: row.user.email,
    tenantId: row.membership.tenantId,
    role: row.membership.role,
    membershipId: row.membership.id,
    supplierId: row.membership.supplierId,
    initiativeId: row.membership.initiativeId,
    via: 'token',
    ip,
  };
}
