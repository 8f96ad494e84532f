import { DomainError, invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { tenantBySlug } from '../../db/repositories/policies.ts';
import { insertProvider, providerOfTenantByIssuer } from '../../db/repositories/oidc.ts';
import type { AppDeps } from '../deps.ts';

/** Roles a provider may hand to a first-time user (see oidc-identity.ts). */
const defaultRoles = ['advisor', 'contractManager', 'municipalityAdmin'];

/** Sets up single sign-on for a municipality (the `retour oidc add` command). */
export async function addOidcProvider(
  deps: AppDeps,
  input: {
    tenant: string;
    name: string;
    issuer: string;
    clientId: string;
    clientSecret?: string | undefined;
    defaultRole?: string | undefined;
  },
) {
  let issuer: URL;
  try {
    issuer = new URL(input.issuer);
  } catch {
    throw invalid('The issuer is not a URL.', [{ name: 'issuer', reason: 'e.g. https://login.example.nl' }]);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback))
    throw invalid('The issuer must use https.', [{ name: 'issuer', reason: 'https only' }]);
  if (input.defaultRole && !defaultRoles.includes(input.defaultRole))
    throw invalid(`A provider can give new users only ${defaultRoles.join(', ')}.`, [
      { name: 'defaultRole', reason: defaultRoles.join(', ') },
    ]);
  return deps.db.transaction(async (tx) => {
    const tenant = await tenantBySlug(tx, input.tenant);
    if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${input.tenant}.`);
    const issuerText = issuer.href.replace(/\/$/, '');
    if (await providerOfTenantByIssuer(tx, tenant.id, issuerText))
      throw new DomainError('CONFLICT', `${tenant.name} has this identity provider already.`);
    const row = await insertProvider(tx, {
      tenantId: tenant.id,
      name: input.name,
      issuer: issuerText,
      clientId: input.clientId,
      clientSecret: input.clientSecret || null,
      defaultRole: input.defaultRole ?? null,
    });
    await writeAudit(tx, {
      tenantId: tenant.id,
      actorUserId: null,
      actorLabel: 'cli',
      action: 'oidcProvider.create',
      objectType: 'oidcProvider',
      objectId: row.id,
      details: { name: row.name, issuer: row.issuer, defaultRole: row.defaultRole },
    });
    return row;
  });
}
