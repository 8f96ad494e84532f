import type { Tx } from '../../db/client.ts';
import type { ContractWithNames } from '../../db/repositories/contracts.ts';
import { notifyAudience, type Audience, type NewNotification } from '../../db/repositories/notifications.ts';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';

/**
 * In-app notifications (decision 027): written in the transaction of the change that causes them,
 * beside the mail (so a refused or rolled-back change leaves none), to the users whose work queue
 * just got a new item. Never to the one who caused it. The UI renders `kind` and `params` in the
 * reader's language and links to `link`, the page where the work is done (as the work queue does).
 */
export type NotificationKind =
  | 'reportToVerify' // advisor, assigned verifier: a report was submitted
  | 'planToReview' // advisor: a plan was submitted
  | 'questionAnswered' // the advisor or verifier who asked: the supplier answered
  | 'activityRejected' // supplier: an activity was rejected
  | 'activityQuestion' // supplier: the advisor asks more about an activity
  | 'reportVerified' // supplier: every activity of the report is decided, the report is closed
  | 'planReturned' // supplier: the plan came back with a comment
  | 'pledgeMade' // initiative: a supplier pledged a contribution
  | 'reportsDue' // supplier, advisor: reports due soon (the deadline job, one per recipient)
  | 'reportsOverdue'; // supplier, advisor: reports past their due date (the deadline job)

export const notificationKinds = [
  'reportToVerify',
  'planToReview',
  'questionAnswered',
  'activityRejected',
  'activityQuestion',
  'reportVerified',
  'planReturned',
  'pledgeMade',
  'reportsDue',
  'reportsOverdue',
] as const satisfies readonly NotificationKind[];

/** The web paths the work queue links to (src/web/features/work/WorkQueue.tsx). */
export const links = {
  report: (contractId: string, reportId: string) => `/contracts/${contractId}/reports/${reportId}`,
  contract: (contractId: string) => `/contracts/${contractId}`,
  planBuilder: (contractId: string) => `/contracts/${contractId}/plan`,
  initiativePledges: '/initiative/pledges',
  home: '/',
};

type Contract = Pick<
  ContractWithNames,
  'id' | 'tenantId' | 'reference' | 'title' | 'supplierName' | 'supplierId'
>;

const contractParams = (c: Contract) => ({
  contractReference: c.reference,
  contractTitle: c.title,
  supplierName: c.supplierName,
});

async function send(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  tenantId: string,
  who: Audience,
  note: NewNotification & { kind: NotificationKind },
): Promise<string[]> {
  return notifyAudience(tx, tenantId, who, note, actor.userId, deps.now());
}

/** A submitted report waits for a decision: the advisors and the verifiers assigned to the contract. */
export function notifyReportSubmitted(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: { contract: Contract; reportId: string; period: string; activities: number },
) {
  return send(
    tx,
    deps,
    actor,
    e.contract.tenantId,
    { advisors: true, verifiersOf: e.contract.id },
    {
      kind: 'reportToVerify',
      subjectType: 'report',
      subjectId: e.reportId,
      link: links.report(e.contract.id, e.reportId),
      params: { ...contractParams(e.contract), period: e.period, activities: e.activities },
    },
  );
}

/** A submitted plan waits for review: the advisors. */
export function notifyPlanSubmitted(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: { contract: Contract; planId: string; version: number },
) {
  return send(
    tx,
    deps,
    actor,
    e.contract.tenantId,
    { advisors: true },
    {
      kind: 'planToReview',
      subjectType: 'plan',
      subjectId: e.planId,
      link: links.contract(e.contract.id),
      params: { ...contractParams(e.contract), version: e.version },
    },
  );
}

/** A plan came back with a comment: the supplier's users. */
export function notifyPlanReturned(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: { contract: Contract; planId: string; version: number },
) {
  return send(
    tx,
    deps,
    actor,
    e.contract.tenantId,
    { supplierId: e.contract.supplierId },
    {
      kind: 'planReturned',
      subjectType: 'plan',
      subjectId: e.planId,
      link: links.planBuilder(e.contract.id),
      params: { ...contractParams(e.contract), version: e.version },
    },
  );
}

/**
 * The supplier answered a question: the advisor or verifier who asked, else (gone meanwhile)
 * every advisor, as the mail does.
 */
export async function notifyQuestionAnswered(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: { contract: Contract; reportId: string; activityId: string; period: string; askedBy: string | null },
) {
  const note = {
    kind: 'questionAnswered',
    subjectType: 'activity',
    subjectId: e.activityId,
    link: links.report(e.contract.id, e.reportId),
    params: { ...contractParams(e.contract), period: e.period },
  } as const;
  const asker = e.askedBy
    ? await send(tx, deps, actor, e.contract.tenantId, { deciders: [e.askedBy] }, note)
    : [];
  return asker.length > 0 ? asker : send(tx, deps, actor, e.contract.tenantId, { advisors: true }, note);
}

/** An activity was rejected, or the advisor asks more about it: the supplier's users. */
export function notifyActivityDecision(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: {
    decision: 'rejected' | 'moreInfo';
    contract: Contract;
    reportId: string;
    activityId: string;
    period: string;
    typeCode: string;
  },
) {
  return send(
    tx,
    deps,
    actor,
    e.contract.tenantId,
    { supplierId: e.contract.supplierId },
    {
      kind: e.decision === 'rejected' ? 'activityRejected' : 'activityQuestion',
      subjectType: 'activity',
      subjectId: e.activityId,
      link: links.report(e.contract.id, e.reportId),
      params: { ...contractParams(e.contract), period: e.period, typeCode: e.typeCode },
    },
  );
}

/** Every activity of the report is decided and the report closed: the supplier's users. */
export function notifyReportVerified(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: { contract: Contract; reportId: string; period: string },
) {
  return send(
    tx,
    deps,
    actor,
    e.contract.tenantId,
    { supplierId: e.contract.supplierId },
    {
      kind: 'reportVerified',
      subjectType: 'report',
      subjectId: e.reportId,
      link: links.report(e.contract.id, e.reportId),
      params: { ...contractParams(e.contract), period: e.period },
    },
  );
}

/** A supplier pledged a contribution: the initiative's users, who confirm or decline it. */
export function notifyPledgeMade(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  e: { tenantId: string; initiativeId: string; pledgeId: string; supplierName: string; period: string },
) {
  return send(
    tx,
    deps,
    actor,
    e.tenantId,
    { initiativeId: e.initiativeId },
    {
      kind: 'pledgeMade',
      subjectType: 'pledge',
      subjectId: e.pledgeId,
      link: links.initiativePledges,
      params: { supplierName: e.supplierName, period: e.period },
    },
  );
}
