import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Tx } from '../../db/client.ts';
import { oneTimeTokens } from '../../db/schema/index.ts';
import { hashSecret, newSecret } from '../tokens.ts';

export type LinkPurpose = 'invitation' | 'passwordReset';

export const linkLifetimeMs: Record<LinkPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  passwordReset: 60 * 60 * 1000,
};

/** A one-time link secret; only its hash is stored. */
export async function issueLink(
  tx: Tx,
  purpose: LinkPurpose,
  userId: string,
  tenantId: string | null,
  now: Date,
) {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + linkLifetimeMs[purpose]);
  await tx
    .insert(oneTimeTokens)
    .values({ purpose, tokenHash: hashSecret(secret), userId, tenantId, expiresAt, createdAt: now });
  return { secret, expiresAt };
}

/** Uses a link once: unknown, used or expired links are refused with the same message. */
export async function consumeLink(tx: Tx, purpose: LinkPurpose, secret: string, now: Date) {
  const [row] = await tx
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(secret)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    )
    .for('update')
    .limit(1);
  if (!row || row.expiresAt <= now) {
    throw new DomainError('VALIDATION', 'This link is no longer valid. Ask for a new one.', [
      { name: 'token', reason: 'unknown, used or expired' },
    ]);
  }
  // Using one link also ends the user's other open links of the same kind.
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.userId, row.userId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  return row;
}

/** Links of a kind a user got since a moment (to limit reset mails). */
export async function linksSince(tx: Tx, purpose: LinkPurpose, userId: string, since: Date) {
  const [row] = await tx
    .select({ n: count() })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, purpose),
        gt(oneTimeTokens.createdAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}
