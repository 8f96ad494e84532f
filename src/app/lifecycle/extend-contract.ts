import { invalid, type Issue } from '../../domain/errors.ts';
import { activityTypeByCode, isIsoDate, valueActivity } from '../../domain/index.ts';
import type { Tx } from '../../db/client.ts';
import { activitiesOfContract, setActivityValuation } from '../../db/repositories/activities.ts';
import {
  effectiveEndDate,
  insertExtension,
  listExtensions,
  updateContractObligation,
} from '../../db/repositories/contracts.ts';
import { reportsOfContract, type ReportRow } from '../../db/repositories/reports.ts';
import type { LoadedPolicy } from './contract-policy.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { addMissingReports, maxAmountCents } from './create-contract.ts';
import { isoDay } from '../clock.ts';
import { invoicedCentsOf } from './invoiced-obligation.ts';
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
 * are computed again on the new total under the ORIGINAL policy version (domain.md §4), the
 * reports of new half-years are added, and PSO activities (valued as a share of the obligation
 * over the term) of reports not closed are valued again; closed reports keep their values.
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
      const obligation = obligationOf(
        contract,
        all,
        loaded,
        await invoicedCentsOf(tx, tenantId, contract.id, loaded),
      );
      await updateContractObligation(tx, tenantId, contract.id, {
        obligationCents: obligation.amountCents,
        regime: obligation.regime,
        obligationRuleId: obligation.ruleId,
        obligationExplanation: obligation.explanation,
        obligationExplanationNl: obligation.explanationNl,
      });
      const reportRows = await reportsOfContract(tx, tenantId, contract.id);
      const existing = new Set(reportRows.map((r) => r.period));
      const revalued = await revaluePsoActivities(tx, tenantId, reportRows, loaded, {
        contractId: contract.id,
        contractStart: contract.startDate,
        contractEnd: obligation.endDate,
        obligationCents: obligation.amountCents,
      });
      const added = await addMissingReports(tx, {
        tenantId,
        contractId: contract.id,
        regime: obligation.regime,
        startDate: contract.startDate,
        endDate: obligation.endDate,
        existing,
        loaded,
        today: isoDay(deps.now()),
      });
      await audit(tx, actor, 'contract.extend', 'contract', contract.id, {
        extensionId: ext.id,
        valueCents: input.valueCents,
        endDate: input.endDate ?? null,
        obligationBefore: { amountCents: contract.obligationCents, regime: contract.regime },
        obligationAfter: { amountCents: obligation.amountCents, regime: obligation.regime },
        reportsAdded: added,
        psoRevalued: revalued,
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

/**
 * Values the contract's PSO (`obligationShare`) activities in reports that are not closed again
 * under the new obligation and term. Returns what changed, for the audit entry.
 */
async function revaluePsoActivities(
  tx: Tx,
  tenantId: string,
  reportRows: readonly ReportRow[],
  loaded: LoadedPolicy,
  term: { contractId: string; contractStart: string; contractEnd: string; obligationCents: number },
) {
  const notClosed = new Set(reportRows.filter((r) => r.status !== 'closed').map((r) => r.id));
  const changed: { activityId: string; fromCents: number; toCents: number }[] = [];
  for (const a of await activitiesOfContract(tx, tenantId, term.contractId)) {
    if (a.method !== 'obligationShare' || !notClosed.has(a.reportId)) continue;
    const type = activityTypeByCode(loaded.policy, a.typeCode);
    if (!type) continue;
    const v = valueActivity(
      type,
      { validFrom: a.validFrom ?? undefined, validTo: a.validTo ?? undefined },
      {
        contractStart: term.contractStart,
        contractEnd: term.contractEnd,
        obligationCents: term.obligationCents,
        period: a.period,
        policyVersion: loaded.version,
      },
    );
    if (v.valueCents === a.valueCents && v.explanation === a.explanation) continue;
    await setActivityValuation(tx, tenantId, a.id, v);
    changed.push({ activityId: a.id, fromCents: a.valueCents, toCents: v.valueCents });
  }
  return changed;
}
