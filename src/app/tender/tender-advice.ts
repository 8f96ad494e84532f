import { tenderAdvice as advise, validatePolicy, type TenderKind } from '../../domain/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { policyVersionOn, tenantBySlug } from '../../db/repositories/policies.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';

export interface TenderAdviceInput {
  tenant: string;
  kind: TenderKind;
  valueCents: number;
  startDate: string;
  endDate: string;
  labourShareBp?: number | undefined;
  cpv?: string | undefined;
  /** The policy in force on this date advises (default today: the tender is not awarded yet). */
  awardDate?: string | undefined;
}

/**
 * Advice for a tender before it is published: obligation, suggested forms, FTE-years and the clause
 * text, from the municipality's policy in force on the (expected) award date. Public, like the
 * estimate: a bidder sees what the buyer sees; nothing is stored.
 */
export const tenderAdvice = defineUseCase({
  name: 'tender.advice',
  access: 'public',
  async run({ deps }, input: TenderAdviceInput) {
    const tenant = await tenantBySlug(deps.db, input.tenant);
    if (!tenant) throw new DomainError('NOT_FOUND', `No municipality "${input.tenant}" is known here.`);
    const awardDate = input.awardDate ?? isoDay(deps.now());
    const stored = await policyVersionOn(deps.db, tenant.id, awardDate);
    if (!stored) throw new DomainError('NOT_FOUND', `${tenant.name} has no policy in force on ${awardDate}.`);
    const checked = validatePolicy(stored.policy);
    if (!checked.ok) throw new Error(`Stored policy version ${stored.id} is invalid`);
    const advice = advise(
      checked.policy,
      {
        kind: input.kind,
        valueCents: input.valueCents,
        startDate: input.startDate,
        endDate: input.endDate,
        labourShareBp: input.labourShareBp,
        cpv: input.cpv,
      },
      { municipality: tenant.name, policyVersion: stored.version },
    );
    return { tenant, awardDate, policyVersion: stored.version, advice };
  },
});
