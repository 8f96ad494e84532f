import { DomainError } from '../../domain/errors.ts';
import { validatePolicy } from '../../domain/index.ts';
import { policyVersionOn } from '../../db/repositories/policies.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

/** The valuation catalogue in force on a date (today by default), with the policy version it comes from. */
export const listActivityTypes = defineUseCase({
  name: 'activityType.list',
  access: 'signedIn',
  async run({ deps, actor }, input: { on?: string | undefined }) {
    const on = input.on ?? isoDay(deps.now());
    const stored = await policyVersionOn(deps.db, tenantOf(actor), on);
    if (!stored) throw new DomainError('NOT_FOUND', `No policy is in force on ${on}.`);
    const checked = validatePolicy(stored.policy);
    if (!checked.ok) throw new Error(`Stored policy version ${stored.id} is invalid`);
    const p = checked.policy;
    return {
      on,
      policyVersion: stored.version,
      items: p.activityTypes,
      // the target groups and bonuses a `targetGroupYear` activity chooses from (domain.md §11)
      ...(p.targetGroups ? { targetGroups: p.targetGroups } : {}),
      ...(p.bonuses ? { bonuses: p.bonuses } : {}),
      ...(p.fullTimeHoursPerWeek !== undefined ? { fullTimeHoursPerWeek: p.fullTimeHoursPerWeek } : {}),
      ...(p.minHoursPerWeek !== undefined ? { minHoursPerWeek: p.minHoursPerWeek } : {}),
      ...(p.targetGroupSource ? { targetGroupSource: p.targetGroupSource } : {}),
    };
  },
});
