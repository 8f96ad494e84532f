import { estimateObligation as estimate, validatePolicy } from '../../domain/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { policyVersionOn, tenantBySlug } from '../../db/repositories/policies.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';

export interface EstimateInput {
  tenant: string;
  contractValueCents: number;
  awardDate?: string | undefined;
  kind?: 'works' | 'servicesAndSupplies' | undefined;
  /** The contract term, both or neither; without it a minimum-term rule is named, not applied. */
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/**
 * A bidder's estimate: what obligation and regime a contract of this value would get under the
 * municipality's policy in force on the award date. Public: no sign-in, nothing stored.
 */
export const estimateObligation = defineUseCase({
  name: 'estimate.create',
  access: 'public',
  async run({ deps }, input: EstimateInput) {
    const tenant = await tenantBySlug(deps.db, input.tenant);
    if (!tenant) throw new DomainError('NOT_FOUND', `No municipality "${input.tenant}" is known here.`);
    const awardDate = input.awardDate ?? isoDay(deps.now());
    const stored = await policyVersionOn(deps.db, tenant.id, awardDate);
    if (!stored) throw new DomainError('NOT_FOUND', `${tenant.name} has no policy in force on ${awardDate}.`);
    const checked = validatePolicy(stored.policy);
    if (!checked.ok) throw new Error(`Stored policy version ${stored.id} is invalid`);
    const obligation = estimate(checked.policy, {
      valueCents: input.contractValueCents,
      contractKind: input.kind,
      awardDate,
      startDate: input.startDate,
      endDate: input.endDate,
    });
    return { tenant, awardDate, policyVersion: stored.version, policy: checked.policy, obligation };
  },
});
