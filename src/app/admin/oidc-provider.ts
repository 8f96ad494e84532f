import { DomainError } from '../../domain/errors.ts';
import { tenantBySlug } from '../../db/repositories/policies.ts';
import type { AppDeps } from '../deps.ts';
import { storeProvider, type ProviderInput } from '../identity/oidc-providers.ts';

/** Sets up single sign-on for a municipality (the `retour oidc add` command), as the system. */
export async function addOidcProvider(deps: AppDeps, input: ProviderInput & { tenant: string }) {
  return deps.db.transaction(async (tx) => {
    const tenant = await tenantBySlug(tx, input.tenant);
    if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${input.tenant}.`);
    return storeProvider(
      tx,
      tenant.id,
      input,
      { userId: null, label: 'cli' },
      { allowPrivateIssuers: deps.config.allowPrivateOidcIssuers === true },
    );
  });
}
