import { DomainError } from '../../domain/errors.ts';
import { addDays, halfYearRange } from '../../domain/index.ts';
import type { Tx } from '../../db/client.ts';
import {
  activitiesOfReport,
  deleteActivityRow,
  insertActivity,
  resetVerification,
  type ActivityRow,
} from '../../db/repositories/activities.ts';
import { insertEvidence, listEvidenceOfActivity, lockContent } from '../../db/repositories/evidence.ts';
import { activityInScope } from '../../db/repositories/activities.ts';
import {
  currentReportOfPeriod,
  editableReportStates,
  insertReports,
  lockReport,
  reportInScope,
  reportOfVersion,
  setReportStatus,
  type ReportRow,
} from '../../db/repositories/reports.ts';
import { removeEvidenceOfActivity } from '../evidence/remove-activity-evidence.ts';
import { notifyReportSubmitted } from '../notifications/notify.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { findEvidenceGaps, refuseRequiredGaps } from './evidence-check.ts';
import { presentReport, type ReportView } from './present.ts';
import { audit, isUniqueViolation, requireContract, scopeOf } from './scope.ts';

const decided = (v: string) => v === 'accepted' || v === 'rejected';

/** What makes two activities the same claim: type, period, quantities, candidate and value. */
const claim = (a: ActivityRow) =>
  JSON.stringify([
    a.typeCode,
    a.period,
    a.fte,
    a.months,
    a.units,
    a.hours,
    a.amountCents,
    a.validFrom,
    a.validTo,
    a.candidateCode,
    a.valueCents,
  ]);

/**
 * How many accepted activities of the version before are no longer there, accepted and unchanged,
 * in this version (a changed activity is a removed one plus a new one).
 */
async function droppedAccepted(
  tx: Tx,
  tenantId: string,
  report: ReportRow,
  now: readonly ActivityRow[],
): Promise<number> {
  const before = await reportOfVersion(tx, tenantId, report.contractId, report.period, report.version - 1);
  if (!before) return 0;
  const kept = now.filter((a) => a.verification === 'accepted').map(claim);
  let dropped = 0;
  for (const a of await activitiesOfReport(tx, tenantId, before.id)) {
    if (a.verification !== 'accepted') continue;
    const i = kept.indexOf(claim(a));
    if (i === -1) dropped++;
    else kept.splice(i, 1);
  }
  return dropped;
}

/**
 * The supplier submits a half-year report once the half-year is over. A report with nothing left
 * to verify closes at once; otherwise it waits for the advisor. A correction that dropped or
 * changed an accepted activity always goes back to the advisor (its decisions are reset).
 */
export type SubmittedReport = ReportView & {
  /** Activities submitted without evidence (allowed for their type; the advisor sees the same). */
  evidenceWarnings: { activityId: string; typeCode: string }[];
};

export const submitReport = defineUseCase<{ reportId: string }, SubmittedReport>({
  name: 'report.submit',
  access: ['supplier'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const found = await reportInScope(tx, scopeOf(actor), input.reportId);
      const report = found && (await lockReport(tx, tenantId, found.id));
      if (!report) throw new DomainError('NOT_FOUND', 'No such report.');
      if (!editableReportStates.includes(report.status))
        throw new DomainError('INVALID_STATE', `The report is ${report.status} already.`);
      const periodEnd = halfYearRange(report.period).end;
      if (isoDay(now) <= periodEnd)
        throw new DomainError(
          'INVALID_STATE',
          `${report.period} can be submitted from ${addDays(periodEnd, 1)}, after the half-year has ended.`,
        );
      let activities = await activitiesOfReport(tx, tenantId, report.id);
      // A correction that drops an accepted activity goes back to the advisor as a whole: the
      // copies' decisions were made on the old version, so they are decided again.
      const dropped = report.version > 1 ? await droppedAccepted(tx, tenantId, report, activities) : 0;
      if (dropped > 0) {
        await resetVerification(tx, tenantId, report.id);
        activities = await activitiesOfReport(tx, tenantId, report.id);
      }
      // Evidence rules (decision 024): what still waits for a decision is judged by the contract's policy.
      const contract = await requireContract(tx, actor, report.contractId);
      const { policy } = await contractPolicy(tx, tenantId, contract.policyVersionId);
      const evidenceWarnings = refuseRequiredGaps(
        await findEvidenceGaps(
          tx,
          tenantId,
          policy,
          activities.filter((a) => !decided(a.verification)),
        ),
        'submitted',
      );
      const closes = activities.every((a) => decided(a.verification));
      const updated = await setReportStatus(tx, tenantId, report.id, {
        status: closes ? 'closed' : 'submitted',
        submittedAt: now,
        closedAt: closes ? now : null,
      });
      if (!updated) throw new Error('report not updated');
      if (!closes)
        await notifyReportSubmitted(tx, deps, actor, {
          contract,
          reportId: report.id,
          period: report.period,
          activities: activities.filter((a) => !decided(a.verification)).length,
        });
      await audit(tx, actor, 'report.submit', 'report', report.id, {
        period: report.period,
        version: report.version,
        activities: activities.length,
        closed: closes,
        ...(dropped > 0 ? { acceptedDropped: dropped, verificationReset: true } : {}),
        ...(evidenceWarnings.length > 0 ? { withoutEvidence: evidenceWarnings.length } : {}),
      });
      return { ...presentReport(updated, updated.version), evidenceWarnings };
    });
  },
});

/**
 * A correction after closing: a new version of the report (open) with copies of the activities,
 * their values, verification and evidence; the closed version stays as it was.
 */
export const correctReport = defineUseCase<{ reportId: string }, ReportView>({
  name: 'report.correct',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    try {
      return await deps.db.transaction(async (tx) => {
        const found = await reportInScope(tx, scopeOf(actor), input.reportId);
        const report = found && (await lockReport(tx, tenantId, found.id));
        if (!report) throw new DomainError('NOT_FOUND', 'No such report.');
        if (report.status !== 'closed')
          throw new DomainError(
            'INVALID_STATE',
            `Only a closed report is corrected; this one is ${report.status}.`,
          );
        const current = await currentReportOfPeriod(tx, tenantId, report.contractId, report.period);
        if (current && current.version !== report.version)
          throw new DomainError(
            'INVALID_STATE',
            `Version ${current.version} of ${report.period} is the current one.`,
          );
        const contract = await requireContract(tx, actor, report.contractId);
        const loaded = await contractPolicy(tx, tenantId, contract.policyVersionId);
        const [next] = await insertReports(tx, [
          {
            tenantId,
            contractId: report.contractId,
            period: report.period,
            version: report.version + 1,
            dueDate: addDays(isoDay(deps.now()), loaded.policy.reportDueDays),
          },
        ]);
        if (!next) throw new Error('report version not inserted');
        const activities = await activitiesOfReport(tx, tenantId, report.id);
        let evidenceCopied = 0;
        // Copies keep their creation time, so they list in the same order as the originals, and
        // their evidence: new rows pointing at the same stored bytes (content-addressed).
        for (const { id: originalId, ...a } of activities) {
          const copy = await insertActivity(tx, { ...a, reportId: next.id });
          for (const { id: _e, createdAt: _c, ...file } of await listEvidenceOfActivity(
            tx,
            tenantId,
            originalId,
          )) {
            await lockContent(tx, file.sha256);
            await insertEvidence(tx, { ...file, activityId: copy.id });
            evidenceCopied++;
          }
        }
        await audit(tx, actor, 'report.correct', 'report', next.id, {
          period: report.period,
          fromVersion: report.version,
          version: next.version,
          activitiesCopied: activities.length,
          evidenceCopied,
        });
        return presentReport(next, next.version);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('CONFLICT', 'Someone else just started a correction.');
      throw error;
    }
  },
});

/** Removes an activity (with its evidence) while its report is open. */
export const deleteActivity = defineUseCase<{ activityId: string }, void>({
  name: 'activity.delete',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    await deps.db.transaction(async (tx) => {
      const activity = await activityInScope(tx, scopeOf(actor), input.activityId);
      if (!activity) throw new DomainError('NOT_FOUND', 'No such activity.');
      const report = await lockReport(tx, tenantId, activity.reportId);
      if (!report || !editableReportStates.includes(report.status))
        throw new DomainError(
          'INVALID_STATE',
          `The report is ${report?.status ?? 'gone'}; its activities can no longer be removed.`,
        );
      const evidence = await removeEvidenceOfActivity(tx, deps, tenantId, activity.id);
      await deleteActivityRow(tx, tenantId, activity.id);
      await audit(tx, actor, 'activity.delete', 'activity', activity.id, {
        reportId: activity.reportId,
        typeCode: activity.typeCode,
        valueCents: activity.valueCents,
        evidenceRemoved: evidence,
      });
    });
  },
});
