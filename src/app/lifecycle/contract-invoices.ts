import { DomainError, invalid } from '../../domain/errors.ts';
import { halfYearsBetween, invoicedTotal, isHalfYear, type IsoDate } from '../../domain/index.ts';
import { invoicesOf, setInvoice } from '../../db/repositories/contract-invoices.ts';
import { effectiveEndDate, listExtensions } from '../../db/repositories/contracts.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { maxAmountCents } from './create-contract.ts';
import { recomputeInvoicedObligation } from './invoiced-obligation.ts';
import { audit, contractReaders, requireContract } from './scope.ts';

export interface InvoicesView {
  /** The policy's base: only `invoiced` makes these amounts the obligation's base. */
  base: 'totalValue' | 'labourCost' | 'invoiced';
  items: { period: string; amountCents: number }[];
  totalCents: number;
  obligation: { amountCents: number; regime: string; explanation: string; explanationNl: string };
}

/** The invoiced half-years of a contract with its obligation (who may see the contract). */
export const listInvoices = defineUseCase<{ contractId: string }, InvoicesView>({
  name: 'contract.invoices',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const contract = await requireContract(deps.db, actor, input.contractId);
    const loaded = await contractPolicy(deps.db, tenantId, contract.policyVersionId);
    const rows = await invoicesOf(deps.db, tenantId, contract.id);
    return {
      base: loaded.policy.base,
      items: rows.map((r) => ({ period: r.period, amountCents: r.amountCents })),
      totalCents: invoicedTotal(rows),
      obligation: {
        amountCents: contract.obligationCents,
        regime: contract.regime,
        explanation: contract.obligationExplanation,
        explanationNl: contract.obligationExplanationNl ?? contract.obligationExplanation,
      },
    };
  },
});

export interface RecordInvoiceInput {
  contractId: string;
  period: string;
  amountCents: number;
}

/**
 * The advisor records what was invoiced in one half-year of a framework contract (policy base
 * `invoiced`, decision 022); the obligation is computed again on the invoiced total by the domain.
 * Recording the same amount again changes nothing.
 */
export const recordInvoice = defineUseCase<RecordInvoiceInput, InvoicesView>({
  name: 'contract.invoice',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    await deps.db.transaction(async (tx) => {
      const contract = await requireContract(tx, actor, input.contractId, { forUpdate: true });
      const loaded = await contractPolicy(tx, tenantId, contract.policyVersionId);
      if (loaded.policy.base !== 'invoiced')
        throw new DomainError(
          'INVALID_STATE',
          'The contract is not a framework contract: its policy is not on invoiced value.',
        );
      const end = effectiveEndDate(contract, await listExtensions(tx, tenantId, contract.id));
      const last = contract.maxExtentDate && contract.maxExtentDate > end ? contract.maxExtentDate : end;
      if (!isHalfYear(input.period))
        throw invalid('The period is not valid.', [
          { name: 'period', reason: 'must be a half-year (YYYY-H1 or YYYY-H2)' },
        ]);
      if (!halfYearsBetween(contract.startDate as IsoDate, last as IsoDate).includes(input.period))
        throw invalid('The period is not valid.', [
          {
            name: 'period',
            reason: `must be a half-year of the contract term (${contract.startDate} – ${last})`,
          },
        ]);
      if (
        !Number.isSafeInteger(input.amountCents) ||
        input.amountCents < 0 ||
        input.amountCents > maxAmountCents
      )
        throw invalid('The amount is not valid.', [
          { name: 'amountCents', reason: 'must be whole cents, not negative' },
        ]);
      const changed = await setInvoice(tx, {
        tenantId,
        contractId: contract.id,
        period: input.period,
        amountCents: input.amountCents,
      });
      if (!changed) return;
      await audit(tx, actor, 'contract.invoice', 'contract', contract.id, {
        period: input.period,
        amountCents: input.amountCents,
      });
      await recomputeInvoicedObligation(tx, actor, contract);
    });
    return listInvoices.run({ deps, actor }, { contractId: input.contractId });
  },
});
