import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { prepared } from '../prepared.ts';
import { apiTokens, memberships, users } from '../schema/index.ts';

export interface ApiTokenHolder {
  tokenId: string;
  tokenName: string;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  userDisabled: boolean;
  membershipId: string;
  tenantId: string | null;
  role: string;
  supplierId: string | null;
  initiativeId: string | null;
  membershipDisabled: boolean;
}

/**
 * The unrevoked token with this hash and who holds it: only the columns an actor needs (it runs on
 * every integration request; no password hash or profile travels).
 */
export async function apiTokenHolder(db: Db, tokenHash: string): Promise<ApiTokenHolder | undefined> {
  const [row] = await prepared(db, 'api_token_holder', (d) =>
    d
      .select({
        tokenId: apiTokens.id,
        tokenName: apiTokens.name,
        lastUsedAt: apiTokens.lastUsedAt,
        userId: users.id,
        email: users.email,
        userDisabled: users.disabled,
        membershipId: memberships.id,
        tenantId: memberships.tenantId,
        role: memberships.role,
        supplierId: memberships.supplierId,
        initiativeId: memberships.initiativeId,
        membershipDisabled: memberships.disabled,
      })
      .from(apiTokens)
      .innerJoin(memberships, eq(memberships.id, apiTokens.membershipId))
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare('api_token_holder'),
  ).execute({ hash: tokenHash });
  return row;
}

/** Marks a token used now (the caller decides how often). */
export async function markApiTokenUsed(db: Db | Tx, tokenId: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}
