import { DomainError, invalid } from '../../domain/errors.ts';
import { halfYearsBetween, isHalfYear } from '../../domain/dates.ts';
import {
  activityTypeOfPledge,
  pledgeQuantity,
  type PledgeKind,
  type PledgeStatus,
} from '../../domain/marketplace.ts';
import { contractInScope, effectiveEndDate, listExtensions } from '../../db/repositories/contracts.ts';
import { insertPledge, listPledges, needOf, updatePledge } from '../../db/repositories/marketplace.ts';
import { pledgeKindsForNeed } from '../../domain/matching.ts';
import type { NeedKind } from '../../domain/marketplace.ts';
import { insertValuedActivity } from '../lifecycle/record-activity.ts';
import { notifyPledgeMade } from '../notifications/notify.ts';
import { audit, requireContract } from '../lifecycle/scope.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentPledge, type PledgeView } from './present.ts';
import { pledgeScope, requireInitiative, requirePledge, reviewers } from './scope.ts';

export interface PledgeInput {
  initiativeId: string;
  /** The need of the initiative this pledge answers (decision 026). */
  needId: string;
  contractId: string;
  kind: PledgeKind;
  hours?: number | undefined;
  amountCents?: number | undefined;
  period: string;
  note?: string | undefined;
}

/**
 * A supplier pledges a contribution to one open need of an approved initiative, of a kind that
 * answers that need, for one of its own contracts, in a half-year of that contract's term. Nothing counts yet: only the initiative's confirmation makes
 * it an activity.
 */
export const pledgeContribution = defineUseCase<PledgeInput, PledgeView>({
  name: 'pledge.create',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const quantity = pledgeQuantity(input.kind, input);
    return deps.db.transaction(async (tx) => {
      const initiative = await requireInitiative(tx, actor, input.initiativeId);
      const need = await needOf(tx, tenantId, initiative.id, input.needId);
      if (!need)
        throw invalid('The need is not one of this initiative.', [
          { name: 'needId', reason: 'is not a need of this initiative' },
        ]);
      if (need.status !== 'open')
        throw invalid('This need is closed.', [
          { name: 'needId', reason: 'is closed: it takes no new pledges' },
        ]);
      const fitting = pledgeKindsForNeed[need.kind as NeedKind];
      if (!fitting.includes(input.kind))
        throw invalid('The kind of pledge does not answer this need.', [
          { name: 'kind', reason: `must be ${fitting.join(' or ')} for a need of ${need.kind}` },
        ]);
      const contract = await requireContract(tx, actor, input.contractId);
      if (contract.regime === 'none')
        throw invalid('This contract has no social return obligation.', [
          { name: 'contractId', reason: 'has no social return obligation to contribute to' },
        ]);
      // any half-year of the term (after extensions), begun or not: the pledge is delivered later,
      // and its report is there by then (decision 035)
      const end = effectiveEndDate(contract, await listExtensions(tx, tenantId, contract.id));
      if (!isHalfYear(input.period) || !halfYearsBetween(contract.startDate, end).includes(input.period))
        throw invalid('Not a half-year of the contract.', [
          { name: 'period', reason: `${input.period} is not a half-year of the contract term` },
        ]);
      const row = await insertPledge(tx, {
        tenantId,
        initiativeId: initiative.id,
        needId: need.id,
        supplierId: contract.supplierId,
        contractId: contract.id,
        kind: input.kind,
        hours: quantity.hours === undefined ? null : String(quantity.hours),
        amountCents: quantity.amountCents ?? null,
        period: input.period,
        note: input.note?.trim() ?? '',
        createdBy: actor.userId,
      });
      await notifyPledgeMade(tx, deps, actor, {
        tenantId,
        initiativeId: initiative.id,
        pledgeId: row.id,
        supplierName: contract.supplierName,
        period: input.period,
      });
      await audit(tx, actor, 'pledge.create', 'pledge', row.id, {
        initiativeId: initiative.id,
        needId: need.id,
        contractId: contract.id,
        kind: input.kind,
        period: input.period,
        ...quantity,
      });
      const [view] = await listPledges(tx, tenantId, { id: row.id });
      if (!view) throw new Error('pledge not found after insert');
      return presentPledge(view);
    });
  },
});

/** Pledges the actor may see: a supplier its own, an initiative those made to it, reviewers all. */
export const listPledgesOf = defineUseCase<{ status?: PledgeStatus | undefined }, { items: PledgeView[] }>({
  name: 'pledge.list',
  access: ['supplier', 'initiative', ...reviewers],
  async run({ deps, actor }, input) {
    const rows = await listPledges(deps.db, tenantOf(actor), { ...pledgeScope(actor), status: input.status });
    return { items: rows.map(presentPledge) };
  },
});

export interface PledgeDecisionInput {
  id: string;
  decision: 'confirmed' | 'declined';
  /** What was delivered, when it differs from the pledge. */
  hours?: number | undefined;
  amountCents?: number | undefined;
  note?: string | undefined;
}

/**
 * The initiative confirms what was delivered, or declines. A confirmation records the activity on
 * the supplier's contract in the pledge's half-year (initiative-hours / -money / -goods), valued by
 * the same code as any reported activity, and keeps the link; it still awaits the advisor's
 * verification. Refused when that half-year's report is no longer open.
 */
export const decidePledge = defineUseCase<PledgeDecisionInput, PledgeView>({
  name: 'pledge.decide',
  access: ['initiative'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const pledge = await requirePledge(tx, actor, input.id, { forUpdate: true });
      if (pledge.status !== 'open')
        throw new DomainError('INVALID_STATE', `This pledge is already ${pledge.status}.`);
      const note = input.note?.trim() || null;
      const decidedAt = deps.now();
      if (input.decision === 'declined') {
        await updatePledge(tx, tenantId, pledge.id, {
          status: 'declined',
          decisionNote: note,
          decidedBy: actor.userId,
          decidedAt,
        });
        await audit(tx, actor, 'pledge.decline', 'pledge', pledge.id, { note });
      } else {
        const kind = pledge.kind as PledgeKind;
        const delivered = pledgeQuantity(kind, {
          hours:
            input.hours ?? (kind === 'hours' && pledge.hours !== null ? Number(pledge.hours) : undefined),
          amountCents:
            input.amountCents ?? (kind === 'hours' ? undefined : (pledge.amountCents ?? undefined)),
        });
        // The activity is the supplier's: it is recorded within the supplier's own contract scope.
        const contract = await contractInScope(
          tx,
          { tenantId, role: 'supplier', userId: actor.userId, supplierId: pledge.supplierId },
          pledge.contractId,
        );
        if (!contract) throw new DomainError('NOT_FOUND', 'No such contract.');
        const { row: activity, valuation } = await insertValuedActivity(
          tx,
          decidedAt,
          actor.userId,
          contract,
          {
            typeCode: activityTypeOfPledge[kind],
            period: pledge.period,
            ...delivered,
            description: `${pledge.initiativeName}: ${note ?? pledge.note}`.trim().replace(/:$/, ''),
          },
        );
        await updatePledge(tx, tenantId, pledge.id, {
          status: 'confirmed',
          deliveredHours: delivered.hours === undefined ? null : String(delivered.hours),
          deliveredAmountCents: delivered.amountCents ?? null,
          decisionNote: note,
          decidedBy: actor.userId,
          decidedAt,
          activityId: activity.id,
        });
        await audit(tx, actor, 'pledge.confirm', 'pledge', pledge.id, {
          activityId: activity.id,
          contractId: contract.id,
          period: pledge.period,
          typeCode: activity.typeCode,
          valueCents: valuation.valueCents,
          ruleId: valuation.ruleId,
        });
      }
      const [view] = await listPledges(tx, tenantId, { id: pledge.id });
      if (!view) throw new Error('pledge vanished inside its transaction');
      return presentPledge(view);
    });
  },
});
