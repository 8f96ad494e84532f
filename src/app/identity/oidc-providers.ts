import { and, eq } from 'drizzle-orm';
import { DomainError, invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import type { Tx } from '../../db/client.ts';
import { insertProvider, providerOfTenantByIssuer } from '../../db/repositories/oidc.ts';
import { externalIdentities, oidcLogins, oidcProviders } from '../../db/schema/index.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { issuerProblem } from './issuer-url.ts';

/** Roles a provider may hand to a first-time user (see oidc-identity.ts). */
export const providerDefaultRoles = ['advisor', 'contractManager', 'municipalityAdmin'] as const;

export interface ProviderInput {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  defaultRole?: string | null | undefined;
}

/** Checks and stores a provider of a municipality, with its audit entry (API and CLI alike). */
export async function storeProvider(
  tx: Tx,
  tenantId: string,
  input: ProviderInput,
  by: { userId: string | null; label: string; ip?: string | null },
  options: { allowPrivateIssuers: boolean },
) {
  let issuer: URL;
  try {
    issuer = new URL(input.issuer);
  } catch {
    throw invalid('The issuer is not a URL.', [{ name: 'issuer', reason: 'e.g. https://login.example.nl' }]);
  }
  const problem = issuerProblem(issuer, options.allowPrivateIssuers);
  if (problem)
    throw invalid('The issuer must be an https URL of a public host.', [{ name: 'issuer', reason: problem }]);
  const role = input.defaultRole ?? null;
  if (role && !(providerDefaultRoles as readonly string[]).includes(role))
    throw invalid(`A provider can give new users only ${providerDefaultRoles.join(', ')}.`, [
      { name: 'defaultRole', reason: providerDefaultRoles.join(', ') },
    ]);
  const issuerText = issuer.href.replace(/\/$/, '');
  if (await providerOfTenantByIssuer(tx, tenantId, issuerText))
    throw new DomainError('CONFLICT', 'This identity provider is set up already.');
  const row = await insertProvider(tx, {
    tenantId,
    name: input.name.trim(),
    issuer: issuerText,
    clientId: input.clientId,
    clientSecret: input.clientSecret || null,
    defaultRole: role,
  });
  await writeAudit(tx, {
    tenantId,
    actorUserId: by.userId,
    actorLabel: by.label,
    action: 'oidcProvider.create',
    objectType: 'oidcProvider',
    objectId: row.id,
    details: { name: row.name, issuer: row.issuer, defaultRole: row.defaultRole },
    ip: by.ip ?? null,
  });
  return row;
}

/** What an admin sees of a provider: never the client secret. */
export const presentProvider = (p: typeof oidcProviders.$inferSelect) => ({
  id: p.id,
  name: p.name,
  issuer: p.issuer,
  clientId: p.clientId,
  hasClientSecret: p.clientSecret !== null,
  defaultRole: p.defaultRole as (typeof providerDefaultRoles)[number] | null,
  createdAt: p.createdAt.toISOString(),
});

export const listProviderSettings = defineUseCase({
  name: 'oidcProvider.listSettings',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, _input: void) {
    const rows = await deps.db
      .select()
      .from(oidcProviders)
      .where(eq(oidcProviders.tenantId, tenantOf(actor)));
    return rows.map(presentProvider);
  },
});

export const createProvider = defineUseCase({
  name: 'oidcProvider.create',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: ProviderInput) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) =>
      presentProvider(
        await storeProvider(
          tx,
          tenantId,
          input,
          { userId: actor.userId, label: actor.email, ip: actor.ip },
          { allowPrivateIssuers: deps.config.allowPrivateOidcIssuers === true },
        ),
      ),
    );
  },
});

/** Removes a provider; sign-ins in flight with it end. People keep their accounts and roles. */
export const deleteProvider = defineUseCase({
  name: 'oidcProvider.delete',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: { id: string }) {
    const tenantId = tenantOf(actor);
    if (!isUuid(input.id)) throw new DomainError('NOT_FOUND', 'Identity provider not found.');
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(oidcProviders)
        .where(and(eq(oidcProviders.tenantId, tenantId), eq(oidcProviders.id, input.id)));
      if (!row) throw new DomainError('NOT_FOUND', 'Identity provider not found.');
      await tx.delete(oidcLogins).where(eq(oidcLogins.providerId, row.id));
      await tx.delete(externalIdentities).where(eq(externalIdentities.providerId, row.id));
      await tx.delete(oidcProviders).where(eq(oidcProviders.id, row.id));
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'oidcProvider.delete',
        objectType: 'oidcProvider',
        objectId: row.id,
        details: { name: row.name, issuer: row.issuer },
        ip: actor.ip,
      });
    });
  },
});
