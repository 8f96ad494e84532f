import { computeObligation, type Obligation } from '../../domain/index.ts';
import type { ContractRow, ExtensionRow } from '../../db/repositories/contracts.ts';
import type { LoadedPolicy } from './contract-policy.ts';

/**
 * The obligation of a stored contract with its extensions, under its own policy version; for a
 * policy on invoiced value (framework contracts) the invoiced total is its base (decision 022).
 */
export function obligationOf(
  contract: Pick<ContractRow, 'valueCents' | 'kind' | 'startDate' | 'endDate'>,
  extensions: readonly Pick<ExtensionRow, 'valueCents' | 'endDate'>[],
  loaded: LoadedPolicy,
  invoicedCents?: number,
): Obligation {
  return computeObligation(
    loaded.policy,
    {
      valueCents: contract.valueCents,
      contractKind: contract.kind as 'works' | 'servicesAndSupplies',
      startDate: contract.startDate,
      endDate: contract.endDate,
      invoicedCents,
      extensions: extensions.map((x) => ({ valueCents: x.valueCents, endDate: x.endDate ?? undefined })),
    },
    { policyVersion: loaded.version },
  );
}
