import { invalid, type Issue } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/index.ts';
import {
  effectiveEndDate,
  insertExtension,
  listExtensions,
  updateContractObligation,
} from '../../db/repositories/contracts.ts';
import { reportsOfContract } from '../../db/repositories/reports.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { addMissingReports, maxAmountCents } from './create-contract.ts';
import { obligationOf } from './obligation-of.ts';
import { presentContract, type ContractView } from './present.ts';
import { audit, requireContract } from './scope.ts';

export interface ExtendContractInput {
  contractId: string;
  valueCents: number;
  endDate?: string | undefined;
  note?: string | undefined;
}

/**
 * Records an option or extension: more value and possibly a later end. The obligation and regime
 * are computed again on the new total under the ORIGINAL policy version (domain.md §4), and the
 * reports of new half-years are added.
 */
export const extendContract = defineUseCase<ExtendContractInput, ContractView>({
  name: 'contract.extend',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const contract = await requireContract(tx, actor, input.contractId, { forUpdate: true });
      const before = await listExtensions(tx, tenantId, contract.id);
      const currentEnd = effectiveEndDate(contract, before);
      const issues: Issue[] = [];
      if (input.endDate !== undefined) {
        if (!isIsoDate(input.endDate))
          issues.push({ name: 'endDate', reason: 'must be a real date (YYYY-MM-DD)' });
        else if (input.endDate < currentEnd)
          issues.push({ name: 'endDate', reason: `must not be before the current end date ${currentEnd}` });
      }
      const total = contract.valueCents + before.reduce((s, x) => s + x.valueCents, 0) + input.valueCents;
      if (total > maxAmountCents)
        issues.push({ name: 'valueCents', reason: 'the total contract value would exceed €10 billion' });
      if (issues.length) throw invalid('The extension is not valid.', issues);

      const loaded = await contractPolicy(tx, tenantId, contract.policyVersionId);
      const ext = await insertExtension(tx, {
        tenantId,
        contractId: contract.id,
        valueCents: input.valueCents,
        endDate: input.endDate ?? null,
        note: input.note ?? '',
      });
      const all = [...before, ext];
      const obligation = obligationOf(contract, all, loaded);
      await updateContractObligation(tx, tenantId, contract.id, {
        obligationCents: obligation.amountCents,
        regime: obligation.regime,
        obligationRuleId: obligation.ruleId,
        obligationExplanation: obligation.explanation,
        obligationExplanationNl: obligation.explanationNl,
      });
      const existing = new Set((await reportsOfContract(tx, tenantId, contract.id)).map((r) => r.period));
      const added = await addMissingReports(tx, {
        tenantId,
        contractId: contract.id,
        regime: obligation.regime,
        startDate: contract.startDate,
        endDate: obligation.endDate,
        existing,
        loaded,
      });
      await audit(tx, actor, 'contract.extend', 'contract', contract.id, {
        extensionId: ext.id,
        valueCents: input.valueCents,
        endDate: input.endDate ?? null,
        obligationBefore: { amountCents: contract.obligationCents, regime: contract.regime },
        obligationAfter: { amountCents: obligation.amountCents, regime: obligation.regime },
        reportsAdded: added,
      });
      return presentContract(
        {
          ...contract,
          obligationCents: obligation.amountCents,
          regime: obligation.regime,
          obligationRuleId: obligation.ruleId,
          obligationExplanation: obligation.explanation,
          obligationExplanationNl: obligation.explanationNl,
        },
        all,
        loaded.version,
      );
    });
  },
});
