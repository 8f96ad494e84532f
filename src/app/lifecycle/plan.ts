import { DomainError, invalid, type Issue } from '../../domain/errors.ts';
import { activityTypeByCode, valueActivity, type ActivityInput } from '../../domain/index.ts';
import type { Tx, Db } from '../../db/client.ts';
import { effectiveEndDate, listExtensions, type ContractWithNames } from '../../db/repositories/contracts.ts';
import {
  intakeOf,
  insertPlanVersion,
  planOf,
  planVersionsOf,
  reviewPlanVersion,
  savePlanDraft,
  setPlanStatus,
  upsertIntake,
  type IntakeRow,
  type PlanVersionRow,
  type StoredPlanItem,
} from '../../db/repositories/plans.ts';
import type { Actor } from '../actor.ts';
import { notifyPlanReturned, notifyPlanSubmitted } from '../notifications/notify.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { diffPlanItems, type PlanDiff } from './plan-diff.ts';
import { audit, contractReaders, requireContract } from './scope.ts';

export interface PlanItemInput extends ActivityInput {
  typeCode: string;
  period: string;
}

/** Intake and plan are for plan-regime contracts only (domain.md §4, §7). */
export async function planContract(db: Db | Tx, actor: Actor, contractId: string, forUpdate = false) {
  const contract = await requireContract(db, actor, contractId, { forUpdate });
  if (contract.regime !== 'plan')
    throw new DomainError(
      'INVALID_STATE',
      `This contract has the ${contract.regime} regime: intake and plan apply to the plan regime only (it still reports every half-year).`,
    );
  return contract;
}

const presentIntake = (i: IntakeRow | undefined) =>
  i
    ? {
        date: i.date,
        notes: i.notes,
        agreedDirection: i.agreedDirection,
        recordedAt: i.createdAt.toISOString(),
      }
    : null;

function presentVersion(v: PlanVersionRow, previous: PlanVersionRow | undefined) {
  return {
    /** The version the diff is against: the previous one, or the one asked for with `against`. */
    diffAgainst: previous?.version ?? null,
    id: v.id,
    version: v.version,
    items: v.items as StoredPlanItem[],
    plannedCents: v.plannedCents,
    submittedAt: v.submittedAt.toISOString(),
    decision: v.decision as 'approved' | 'returned' | null,
    comment: v.comment,
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    /** What changed against `diffAgainst` (all items added for the first version). */
    diff: diffPlanItems((previous?.items ?? []) as StoredPlanItem[], v.items as StoredPlanItem[]) as PlanDiff,
  };
}
export type PlanVersionView = ReturnType<typeof presentVersion>;

/** The latest approved version: the commitment that progress counts, even while a new draft is made. */
function latestApproved(versions: readonly PlanVersionRow[]) {
  const v = versions.findLast((x) => x.decision === 'approved' && x.reviewedAt);
  return v
    ? {
        version: v.version,
        items: v.items as StoredPlanItem[],
        plannedCents: v.plannedCents,
        approvedAt: v.reviewedAt?.toISOString() ?? null,
      }
    : null;
}

async function loadPlanView(
  db: Db | Tx,
  tenantId: string,
  contract: ContractWithNames,
  options: { against?: number | undefined } = {},
) {
  const [plan, intake] = await Promise.all([
    planOf(db, tenantId, contract.id),
    intakeOf(db, tenantId, contract.id),
  ]);
  const versions = plan ? await planVersionsOf(db, tenantId, plan.id) : [];
  const against =
    options.against === undefined ? undefined : versions.find((v) => v.version === options.against);
  if (options.against !== undefined && !against)
    throw invalid('No such plan version.', [
      {
        name: 'against',
        reason: `version ${options.against} does not exist (versions: ${versions.map((v) => v.version).join(', ') || 'none'})`,
      },
    ]);
  return {
    id: plan?.id ?? null,
    contractId: contract.id,
    status: (plan?.status ?? 'none') as 'none' | 'draft' | 'submitted' | 'approved' | 'returned',
    items: (plan?.items ?? []) as StoredPlanItem[],
    plannedCents: plan?.plannedCents ?? 0,
    obligationCents: contract.obligationCents,
    /** The approved version in force (null before the first approval), apart from the working copy above. */
    approved: latestApproved(versions),
    intake: presentIntake(intake),
    versions: versions.map((v, i) => presentVersion(v, against ?? versions[i - 1])),
  };
}
export type PlanView = Awaited<ReturnType<typeof loadPlanView>>;

/** The plan of a contract: draft items, status, intake and every submitted version. */
export const getPlan = defineUseCase<{ contractId: string }, PlanView>({
  name: 'plan.get',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await planContract(deps.db, actor, input.contractId);
    return loadPlanView(deps.db, tenantOf(actor), contract);
  },
});

/** Every submitted version, each compared with the previous one, or with version `against`. */
export const listPlanVersions = defineUseCase<
  { contractId: string; against?: number | undefined },
  PlanVersionView[]
>({
  name: 'plan.versions',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await planContract(deps.db, actor, input.contractId);
    return (await loadPlanView(deps.db, tenantOf(actor), contract, { against: input.against })).versions;
  },
});

/**
 * The advisor records the intake conversation (date, notes, agreed direction). Recording it again
 * replaces what the plan view shows; the audit entry of each recording holds it before and after.
 */
export const recordIntake = defineUseCase<
  { contractId: string; date: string; notes?: string | undefined; agreedDirection?: string | undefined },
  PlanView
>({
  name: 'intake.record',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const contract = await planContract(tx, actor, input.contractId, true);
      const before = await intakeOf(tx, tenantId, contract.id);
      const after = await upsertIntake(tx, {
        tenantId,
        contractId: contract.id,
        date: input.date,
        notes: input.notes ?? '',
        agreedDirection: input.agreedDirection ?? '',
        recordedBy: actor.userId,
      });
      // The intake row shows the latest recording; the audit entry keeps each one in full.
      const recorded = (i: IntakeRow) => ({
        date: i.date,
        notes: i.notes,
        agreedDirection: i.agreedDirection,
        recordedBy: i.recordedBy,
      });
      await audit(tx, actor, 'intake.record', 'contract', contract.id, {
        date: input.date,
        before: before ? recorded(before) : null,
        after: recorded(after),
      });
      return loadPlanView(tx, tenantId, contract);
    });
  },
});

/** Values plan items with the domain; every refused item is named `items.<i>.<field>`. */
export async function valueItems(
  tx: Tx,
  tenantId: string,
  contract: ContractWithNames,
  items: readonly PlanItemInput[],
) {
  const loaded = await contractPolicy(tx, tenantId, contract.policyVersionId);
  const endDate = effectiveEndDate(contract, await listExtensions(tx, tenantId, contract.id));
  const issues: Issue[] = [];
  const stored: StoredPlanItem[] = [];
  items.forEach((item, i) => {
    const type = activityTypeByCode(loaded.policy, item.typeCode);
    if (!type) {
      issues.push({
        name: `items.${i}.typeCode`,
        reason: `is not in the catalogue of policy version ${loaded.version}`,
      });
      return;
    }
    try {
      const { typeCode: _t, period, ...quantities } = item;
      const v = valueActivity(type, quantities, {
        contractStart: contract.startDate,
        contractEnd: endDate,
        obligationCents: contract.obligationCents,
        period,
        policyVersion: loaded.version,
        // a planned place has no candidate yet: valued without a cap (the report applies it)
        scale: loaded.policy,
      });
      stored.push({
        ...quantities,
        typeCode: type.code,
        category: type.category,
        method: type.method,
        period,
        valueCents: v.valueCents,
        ruleId: v.ruleId,
        explanation: v.explanation,
        explanationNl: v.explanationNl,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      for (const issue of error.issues)
        issues.push({ name: `items.${i}.${issue.name}`, reason: issue.reason });
    }
  });
  if (issues.length) throw invalid('Some plan items cannot be valued.', issues);
  return stored;
}

/** The plan-regime contract (locked) and its plan, refused while the plan is being reviewed. */
export async function editablePlan(tx: Tx, actor: Actor, contractId: string) {
  const contract = await planContract(tx, actor, contractId, true);
  const plan = await planOf(tx, tenantOf(actor), contract.id);
  if (plan?.status === 'submitted')
    throw new DomainError('INVALID_STATE', 'The plan is being reviewed; wait for the advisor’s decision.');
  return { contract, plan };
}

/** The supplier saves the draft plan: items from the catalogue with planned quantities and periods. */
export const savePlan = defineUseCase<{ contractId: string; items: PlanItemInput[] }, PlanView>({
  name: 'plan.save',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const { contract } = await editablePlan(tx, actor, input.contractId);
      const items = await valueItems(tx, tenantId, contract, input.items);
      const plannedCents = items.reduce((s, i) => s + i.valueCents, 0);
      const saved = await savePlanDraft(tx, {
        tenantId,
        contractId: contract.id,
        items,
        plannedCents,
        now: deps.now(),
      });
      await audit(tx, actor, 'plan.save', 'plan', saved.id, { items: items.length, plannedCents });
      return loadPlanView(tx, tenantId, contract);
    });
  },
});

/** The supplier submits the draft: a new kept version, waiting for review. Needs the intake first. */
export const submitPlan = defineUseCase<{ contractId: string }, PlanView>({
  name: 'plan.submit',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const contract = await planContract(tx, actor, input.contractId, true);
      const plan = await planOf(tx, tenantId, contract.id);
      if (!plan || (plan.items as unknown[]).length === 0)
        throw new DomainError('INVALID_STATE', 'There is no draft plan with items to submit.');
      if (plan.status !== 'draft')
        throw new DomainError(
          'INVALID_STATE',
          `The plan is ${plan.status}; change the draft before submitting again.`,
        );
      if (!(await intakeOf(tx, tenantId, contract.id)))
        throw new DomainError(
          'INVALID_STATE',
          'The intake has not been recorded yet; the advisor records it first.',
        );
      const version = await insertPlanVersion(tx, {
        tenantId,
        planId: plan.id,
        items: plan.items as StoredPlanItem[],
        plannedCents: plan.plannedCents,
        submittedBy: actor.userId,
        now: deps.now(),
      });
      await setPlanStatus(tx, tenantId, plan.id, 'submitted', deps.now());
      await notifyPlanSubmitted(tx, deps, actor, { contract, planId: plan.id, version: version.version });
      await audit(tx, actor, 'plan.submit', 'plan', plan.id, {
        version: version.version,
        plannedCents: plan.plannedCents,
      });
      return loadPlanView(tx, tenantId, contract);
    });
  },
});

/** The advisor approves the submitted version or returns it with a comment. */
export const reviewPlan = defineUseCase<
  { contractId: string; decision: 'approved' | 'returned'; comment?: string | undefined },
  PlanView
>({
  name: 'plan.review',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const comment = input.comment?.trim() || null;
    if (input.decision === 'returned' && !comment)
      throw invalid('Say why the plan is returned.', [
        { name: 'comment', reason: 'is required when the plan is returned' },
      ]);
    return deps.db.transaction(async (tx) => {
      const contract = await planContract(tx, actor, input.contractId, true);
      const plan = await planOf(tx, tenantId, contract.id);
      const versions = plan ? await planVersionsOf(tx, tenantId, plan.id) : [];
      const last = versions.at(-1);
      if (!plan || plan.status !== 'submitted' || !last || last.decision)
        throw new DomainError('INVALID_STATE', 'There is no submitted plan waiting for review.');
      await reviewPlanVersion(tx, tenantId, last.id, {
        decision: input.decision,
        comment,
        reviewedBy: actor.userId,
        reviewedAt: deps.now(),
      });
      await setPlanStatus(tx, tenantId, plan.id, input.decision, deps.now());
      if (input.decision === 'returned')
        await notifyPlanReturned(tx, deps, actor, { contract, planId: plan.id, version: last.version });
      await audit(tx, actor, 'plan.review', 'plan', plan.id, {
        version: last.version,
        decision: input.decision,
        comment,
      });
      return loadPlanView(tx, tenantId, contract);
    });
  },
});
