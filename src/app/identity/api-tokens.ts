import { forgetTokenHolders } from './api-token-actor.ts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { DomainError, invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { apiTokens, users } from '../../db/schema/index.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import { hashSecret, newSecret } from '../tokens.ts';
import type { Actor } from '../actor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

const tokenRoles = ['municipalityAdmin', 'supplier'] as const;

/** Tokens are made and revoked by a person in a browser session: a (stolen) token cannot mint more. */
function requireSession(actor: Actor) {
  if (actor.via !== 'session')
    throw new DomainError(
      'FORBIDDEN',
      'API tokens are created and revoked in a signed-in browser session, not with an API token.',
    );
}

/** A new API token acting as the caller's own membership; the secret is shown once. */
export const createApiToken = defineUseCase({
  name: 'apiToken.create',
  access: tokenRoles,
  async run({ deps, actor }, input: { name: string }) {
    requireSession(actor);
    const name = input.name.trim();
    if (!name || name.length > 100)
      throw invalid('Name the token (1–100 characters).', [{ name: 'name', reason: '1–100 characters' }]);
    const tenantId = tenantOf(actor);
    const token = newSecret('rt_');
    return deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({
          tokenHash: hashSecret(token),
          name,
          userId: actor.userId,
          membershipId: actor.membershipId,
          tenantId,
        })
        .returning();
      if (!row) throw new Error('token not stored');
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'apiToken.create',
        objectType: 'apiToken',
        objectId: row.id,
        details: { name },
        ip: actor.ip,
      });
      return { ...row, token };
    });
  },
});

/** Tokens of the tenant (municipality admin) or the caller's own (supplier user); never the secret. */
export const listApiTokens = defineUseCase({
  name: 'apiToken.list',
  access: tokenRoles,
  async run({ deps, actor }, _input: void) {
    const tenantId = tenantOf(actor);
    return deps.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        userEmail: users.email,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tenantId, tenantId),
          ...(actor.role === 'supplier' ? [eq(apiTokens.userId, actor.userId)] : []),
        ),
      )
      .orderBy(desc(apiTokens.createdAt));
  },
});

/** Revokes a token at once; another tenant's or (for a supplier user) another user's token is not found. */
export const revokeApiToken = defineUseCase({
  name: 'apiToken.revoke',
  access: tokenRoles,
  async run({ deps, actor }, input: { id: string }) {
    requireSession(actor);
    const tenantId = tenantOf(actor);
    if (!isUuid(input.id)) throw new DomainError('NOT_FOUND', 'No such token.');
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: deps.now() })
        .where(
          and(
            eq(apiTokens.id, input.id),
            eq(apiTokens.tenantId, tenantId),
            isNull(apiTokens.revokedAt),
            ...(actor.role === 'supplier' ? [eq(apiTokens.userId, actor.userId)] : []),
          ),
        )
        .returning();
      if (!row) throw new DomainError('NOT_FOUND', 'No such token.');
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'apiToken.revoke',
        objectType: 'apiToken',
        objectId: row.id,
        ip: actor.ip,
      });
    });
    forgetTokenHolders(deps.db);
  },
});
