import { invalid } from '../../domain/errors.ts';
import { isHalfYear } from '../../domain/index.ts';
import { currentReportOfPeriod } from '../../db/repositories/reports.ts';
import type { Choice } from '../../import/template.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { requireContract } from './scope.ts';

export interface TemplateChoices {
  reference: string;
  typeCode: Choice[];
  targetGroup: Choice[];
  bonuses: Choice[];
}

/**
 * What an import template offers for a contract (decision 021): the activity types, target groups
 * and bonuses of the policy version the contract follows. With a `period`, the half-year must be
 * one of the contract's reports.
 */
export const importTemplate = defineUseCase<
  { contractId: string; period?: string | undefined },
  TemplateChoices
>({
  name: 'import.template',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const contract = await requireContract(deps.db, actor, input.contractId);
    if (input.period !== undefined) {
      const report =
        isHalfYear(input.period) &&
        (await currentReportOfPeriod(deps.db, tenantId, contract.id, input.period));
      if (!report)
        throw invalid('No report for this half-year.', [
          { name: 'period', reason: `${input.period} is outside the contract term` },
        ]);
    }
    const { policy } = await contractPolicy(deps.db, tenantId, contract.policyVersionId);
    const pick = (list: readonly { code: string; name: string }[] | undefined) =>
      (list ?? []).map(({ code, name }) => ({ code, name }));
    return {
      reference: contract.reference,
      typeCode: pick(policy.activityTypes),
      targetGroup: pick(policy.targetGroups),
      bonuses: pick(policy.bonuses),
    };
  },
});
