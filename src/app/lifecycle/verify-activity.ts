import { DomainError, invalid } from '../../domain/errors.ts';
import {
  activitiesOfReport,
  activityInScope,
  setVerification,
  type Verification,
} from '../../db/repositories/activities.ts';
import { lockReport, setReportStatus } from '../../db/repositories/reports.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentActivity, presentReport, type ActivityView, type ReportView } from './present.ts';
import { audit, scopeOf } from './scope.ts';

export interface VerifyActivityInput {
  activityId: string;
  decision: Exclude<Verification, 'pending'>;
  reason?: string | undefined;
}

/**
 * The advisor accepts, rejects (with a reason) or asks for more (with a reason). The report row is
 * locked first (`select … for update`), so concurrent verifications of one report are serialised:
 * whoever decides the last open activity sees every other decision and closes the report.
 */
export const verifyActivity = defineUseCase<
  VerifyActivityInput,
  { activity: ActivityView; report: ReportView }
>({
  name: 'activity.verify',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const reason = input.reason?.trim() || null;
    if (input.decision !== 'accepted' && !reason)
      throw invalid('A reason is required.', [
        { name: 'reason', reason: `is required when the decision is ${input.decision}` },
      ]);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const found = await activityInScope(tx, scopeOf(actor), input.activityId);
      if (!found) throw new DomainError('NOT_FOUND', 'No such activity.');
      const report = await lockReport(tx, tenantId, found.reportId);
      if (!report) throw new DomainError('NOT_FOUND', 'No such activity.');
      if (report.status !== 'submitted')
        throw new DomainError(
          'INVALID_STATE',
          `The report is ${report.status}; activities are verified after the supplier submits it.`,
        );
      const activity = await setVerification(tx, tenantId, found.id, {
        verification: input.decision,
        verificationReason: reason,
        verifiedBy: actor.userId,
        verifiedAt: now,
      });
      const all = await activitiesOfReport(tx, tenantId, report.id);
      const closes = all.every((a) => a.verification === 'accepted' || a.verification === 'rejected');
      const after = await setReportStatus(
        tx,
        tenantId,
        report.id,
        closes ? { status: 'closed', closedAt: now } : { status: 'submitted' },
        report.revision,
      );
      if (!after) throw new DomainError('CONFLICT', 'The report changed meanwhile; try again.');
      await audit(tx, actor, 'activity.verify', 'activity', activity.id, {
        reportId: report.id,
        decision: input.decision,
        reason,
        reportClosed: closes,
      });
      return { activity: presentActivity(activity), report: presentReport(after, after.version) };
    });
  },
});
