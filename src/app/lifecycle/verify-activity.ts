import { DomainError, invalid } from '../../domain/errors.ts';
import {
  activitiesOfReport,
  activityInScope,
  setVerification,
  type Verification,
} from '../../db/repositories/activities.ts';
import { recipientsOf } from '../../db/repositories/report-deadlines.ts';
import { lockReport, setReportStatus } from '../../db/repositories/reports.ts';
import { supplierById } from '../../db/repositories/suppliers.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../actor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { notifyActivityDecision, notifyReportVerified } from '../notifications/notify.ts';
import { mailAboutActivity } from './activity-mail.ts';
import { contractPolicy } from './contract-policy.ts';
import { findEvidenceGaps, refuseRequiredGaps } from './evidence-check.ts';
import { presentActivity, presentReport, type ActivityView, type ReportView } from './present.ts';
import { activityDeciders, audit, requireContract, scopeOf } from './scope.ts';

export interface VerifyActivityInput {
  activityId: string;
  decision: Exclude<Verification, 'pending'>;
  reason?: string | undefined;
  /** Says that this replaces an earlier accept or reject (a reason is then required). */
  change?: boolean | undefined;
}

const isDecided = (v: string) => v === 'accepted' || v === 'rejected';

/** An activity the actor may see, with its report locked (`for update`) for the decision. */
export async function activityWithLockedReport(tx: Tx, actor: Actor, activityId: string) {
  const found = await activityInScope(tx, scopeOf(actor), activityId);
  const report = found && (await lockReport(tx, tenantOf(actor), found.reportId));
  if (!found || !report) throw new DomainError('NOT_FOUND', 'No such activity.');
  return { found, report };
}

/**
 * The advisor accepts, rejects (with a reason) or asks for more (with a reason). The report row is
 * locked first (`select … for update`), so concurrent verifications of one report are serialised:
 * whoever decides the last open activity sees every other decision and closes the report. An
 * activity already accepted or rejected is not silently decided again: 409 unless the request says
 * `change: true` with a reason, and the audit keeps the earlier decision. A rejection or a question
 * is mailed to the supplier (its users and contacts).
 */
export const verifyActivity = defineUseCase<
  VerifyActivityInput,
  {
    activity: ActivityView;
    report: ReportView;
    /** Accepted without evidence (allowed for its type): said back, and kept in the audit entry. */
    evidenceWarnings: { activityId: string; typeCode: string }[];
  }
>({
  name: 'activity.verify',
  access: activityDeciders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const reason = input.reason?.trim() || null;
    if (input.decision !== 'accepted' && !reason)
      throw invalid('A reason is required.', [
        { name: 'reason', reason: `is required when the decision is ${input.decision}` },
      ]);
    if (input.change && !reason)
      throw invalid('A reason is required.', [
        { name: 'reason', reason: 'is required when an earlier decision is changed' },
      ]);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const { found, report } = await activityWithLockedReport(tx, actor, input.activityId);
      if (report.status !== 'submitted')
        throw new DomainError(
          'INVALID_STATE',
          `The report is ${report.status}; activities are verified after the supplier submits it.`,
        );
      // Read again under the report lock: a decision made meanwhile by someone else counts.
      const before = (await activitiesOfReport(tx, tenantId, report.id)).find((a) => a.id === found.id);
      const previous = before?.verification ?? found.verification;
      if (isDecided(previous) && !input.change)
        throw new DomainError(
          'CONFLICT',
          `This activity is already ${previous}; to change that decision send change: true with a reason.`,
        );
      // Evidence rules (decision 024): accepting judges the activity by its contract's policy version.
      let evidenceWarnings: { activityId: string; typeCode: string }[] = [];
      if (input.decision === 'accepted') {
        const contract = await requireContract(tx, actor, found.contractId);
        const { policy } = await contractPolicy(tx, tenantId, contract.policyVersionId);
        evidenceWarnings = refuseRequiredGaps(
          await findEvidenceGaps(tx, tenantId, policy, [found]),
          'accepted',
        );
      }
      const activity = await setVerification(tx, tenantId, found.id, {
        verification: input.decision,
        verificationReason: reason,
        verifiedBy: actor.userId,
        verifiedAt: now,
      });
      const all = await activitiesOfReport(tx, tenantId, report.id);
      const closes = all.every((a) => isDecided(a.verification));
      const after = await setReportStatus(
        tx,
        tenantId,
        report.id,
        closes ? { status: 'closed', closedAt: now } : { status: 'submitted' },
        report.revision,
      );
      if (!after) throw new DomainError('CONFLICT', 'The report changed meanwhile; try again.');
      let mailed: string[] = [];
      if (input.decision !== 'accepted') {
        const contract = await requireContract(tx, actor, activity.contractId);
        const supplier = await supplierById(tx, tenantId, contract.supplierId);
        const to = await recipientsOf(tx, {
          tenantId,
          supplierId: contract.supplierId,
          supplierContacts: supplier?.contacts ?? [],
          advisors: false,
        });
        const kind = input.decision === 'rejected' ? 'activityRejected' : 'activityMoreInfo';
        mailed = await mailAboutActivity(tx, deps, { kind, contract, activity, message: reason ?? '', to });
        await notifyActivityDecision(tx, deps, actor, {
          decision: input.decision,
          contract,
          reportId: report.id,
          activityId: activity.id,
          period: activity.period,
          typeCode: activity.typeCode,
        });
      }
      if (closes)
        await notifyReportVerified(tx, deps, actor, {
          contract: await requireContract(tx, actor, activity.contractId),
          reportId: report.id,
          period: report.period,
        });
      await audit(tx, actor, 'activity.verify', 'activity', activity.id, {
        reportId: report.id,
        decision: input.decision,
        reason,
        ...(isDecided(previous) || previous === 'moreInfo' ? { previousDecision: previous } : {}),
        ...(input.change && isDecided(previous)
          ? { changed: true, previousReason: before?.verificationReason ?? null }
          : {}),
        reportClosed: closes,
        ...(mailed.length > 0 ? { mailedTo: mailed } : {}),
        ...(evidenceWarnings.length > 0 ? { withoutEvidence: true } : {}),
      });
      return {
        activity: presentActivity(activity),
        report: presentReport(after, after.version),
        evidenceWarnings,
      };
    });
  },
});
