import { DomainError } from '../../domain/errors.ts';
import { activitiesOfReport, setVerification } from '../../db/repositories/activities.ts';
import { lockReport, reportInScope, setReportStatus } from '../../db/repositories/reports.ts';
import { pendingActivitiesOf } from '../../db/repositories/work-queue.ts';
import { notifyReportVerified } from '../notifications/notify.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentReport, type ReportView } from './present.ts';
import { activityDeciders, audit, requireContract, scopeOf } from './scope.ts';

const isDecided = (v: string) => v === 'accepted' || v === 'rejected';

/**
 * Accept-all: the advisor accepts every activity of a submitted report that still waits for a
 * decision, in one transaction with one audit entry. Only when each of them has evidence: an
 * activity without evidence is decided on its own (409 naming them), so "all is fine" is never
 * said of something nobody could check. Activities with an open question stay as they are.
 */
export const acceptReport = defineUseCase<{ reportId: string }, { report: ReportView; accepted: number }>({
  name: 'report.acceptAll',
  access: activityDeciders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const inScope = await reportInScope(tx, scopeOf(actor), input.reportId);
      const report = inScope && (await lockReport(tx, tenantId, inScope.id));
      if (!report) throw new DomainError('NOT_FOUND', 'No such report.');
      if (report.status !== 'submitted')
        throw new DomainError(
          'INVALID_STATE',
          `The report is ${report.status}; activities are verified after the supplier submits it.`,
        );
      const pending = await pendingActivitiesOf(tx, tenantId, report.id);
      if (pending.length === 0)
        throw new DomainError('INVALID_STATE', 'No activity of this report waits for a decision.');
      const bare = pending.filter((a) => a.evidence === 0);
      if (bare.length > 0)
        throw new DomainError(
          'INVALID_STATE',
          `${bare.length} of the activities have no evidence; decide them one by one.`,
          bare.map((a) => ({ name: `activities.${a.id}`, reason: 'has no evidence' })),
        );
      for (const a of pending)
        await setVerification(tx, tenantId, a.id, {
          verification: 'accepted',
          verificationReason: null,
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
      if (closes)
        await notifyReportVerified(tx, deps, actor, {
          contract: await requireContract(tx, actor, report.contractId),
          reportId: report.id,
          period: report.period,
        });
      await audit(tx, actor, 'report.acceptAll', 'report', report.id, {
        accepted: pending.map((a) => a.id),
        reportClosed: closes,
      });
      return { report: presentReport(after, after.version), accepted: pending.length };
    });
  },
});
