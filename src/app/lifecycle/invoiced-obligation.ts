import { invoicedTotal } from '../../domain/index.ts';
import type { Tx } from '../../db/client.ts';
import { invoicesOf } from '../../db/repositories/contract-invoices.ts';
import {
  listExtensions,
  updateContractObligation,
  type ContractRow,
  type ExtensionRow,
} from '../../db/repositories/contracts.ts';
import type { Actor } from '../actor.ts';
import { tenantOf } from '../use-case.ts';
import { contractPolicy, type LoadedPolicy } from './contract-policy.ts';
import { obligationOf } from './obligation-of.ts';
import { audit } from './scope.ts';

/** The invoiced total of a contract whose policy is on invoiced value; otherwise undefined. */
export async function invoicedCentsOf(
  tx: Tx,
  tenantId: string,
  contractId: string,
  loaded: LoadedPolicy,
): Promise<number | undefined> {
  if (loaded.policy.base !== 'invoiced') return undefined;
  return invoicedTotal(await invoicesOf(tx, tenantId, contractId));
}

/** A contract's obligation computed again on its invoiced total, and the audit details of the move. */
export interface InvoicedObligationChange {
  values: Pick<
    ContractRow,
    'obligationCents' | 'regime' | 'obligationRuleId' | 'obligationExplanation' | 'obligationExplanationNl'
  >;
  auditDetails: Record<string, unknown>;
}

/**
 * The obligation of a contract under a policy on invoiced value, computed again by the domain on
 * `invoicedCents` under its own policy version; null when the policy is not on invoiced value
 * (`invoicedCents` undefined) or nothing moved. Pure: one contract after an invoice is recorded, or
 * every contract of an import (decision 029).
 */
export function invoicedObligationChange(
  contract: Pick<
    ContractRow,
    'valueCents' | 'kind' | 'startDate' | 'endDate' | 'obligationCents' | 'regime' | 'obligationExplanation'
  >,
  extensions: readonly Pick<ExtensionRow, 'valueCents' | 'endDate'>[],
  loaded: LoadedPolicy,
  invoicedCents: number | undefined,
): InvoicedObligationChange | null {
  if (invoicedCents === undefined) return null;
  const obligation = obligationOf(contract, extensions, loaded, invoicedCents);
  const values = {
    obligationCents: obligation.amountCents,
    regime: obligation.regime,
    obligationRuleId: obligation.ruleId,
    obligationExplanation: obligation.explanation,
    obligationExplanationNl: obligation.explanationNl,
  };
  if (
    values.obligationCents === contract.obligationCents &&
    values.regime === contract.regime &&
    values.obligationExplanation === contract.obligationExplanation
  )
    return null;
  return {
    values,
    auditDetails: {
      invoicedCents,
      obligationBefore: { amountCents: contract.obligationCents, regime: contract.regime },
      obligationAfter: { amountCents: values.obligationCents, regime: values.regime },
    },
  };
}

/**
 * After invoiced amounts changed: a contract under a policy on invoiced value (framework contract,
 * decision 022) gets its obligation computed again by the domain on the new invoiced total, under
 * its own policy version, with an audit entry when it moved ({@link invoicedObligationChange}).
 * Other contracts are returned as they are.
 */
export async function recomputeInvoicedObligation(
  tx: Tx,
  actor: Actor,
  contract: ContractRow,
): Promise<ContractRow> {
  const tenantId = tenantOf(actor);
  const loaded = await contractPolicy(tx, tenantId, contract.policyVersionId);
  const invoiced = await invoicedCentsOf(tx, tenantId, contract.id, loaded);
  if (invoiced === undefined) return contract;
  const extensions = await listExtensions(tx, tenantId, contract.id);
  const change = invoicedObligationChange(contract, extensions, loaded, invoiced);
  if (!change) return contract;
  await updateContractObligation(tx, tenantId, contract.id, change.values);
  await audit(tx, actor, 'contract.obligation', 'contract', contract.id, change.auditDetails);
  return { ...contract, ...change.values };
}
