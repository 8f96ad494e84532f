import { DomainError } from '../../domain/errors.ts';
import { addDays, halfYearRange } from '../../domain/index.ts';
import { activitiesOfReport, deleteActivityRow, insertActivity } from '../../db/repositories/activities.ts';
import { activityInScope } from '../../db/repositories/activities.ts';
import {
  currentReportOfPeriod,
  editableReportStates,
  insertReports,
  lockReport,
  reportInScope,
  setReportStatus,
} from '../../db/repositories/reports.ts';
import { removeEvidenceOfActivity } from '../evidence/remove-activity-evidence.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { presentReport, type ReportView } from './present.ts';
import { audit, isUniqueViolation, requireContract, scopeOf } from './scope.ts';

const decided = (v: string) => v === 'accepted' || v === 'rejected';

/**
 * The supplier submits a half-year report once the half-year is over. A report with nothing in it
 * closes at once (there is nothing to verify); otherwise it waits for the advisor.
 */
export const submitReport = defineUseCase<{ reportId: string }, ReportView>({
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
      const activities = await activitiesOfReport(tx, tenantId, report.id);
      const closes = activities.every((a) => decided(a.verification));
      const updated = await setReportStatus(tx, tenantId, report.id, {
        status: closes ? 'closed' : 'submitted',
        submittedAt: now,
        closedAt: closes ? now : null,
      });
      if (!updated) throw new Error('report not updated');
      await audit(tx, actor, 'report.submit', 'report', report.id, {
        period: report.period,
        version: report.version,
        activities: activities.length,
        closed: closes,
      });
      return presentReport(updated, updated.version);
    });
  },
});

/**
 * A correction after closing: a new version of the report (open) with copies of the activities,
 * their values and verification; the closed version stays as it was. Evidence stays with the
 * activities of the version it was uploaded to.
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
        // Copies keep their creation time, so they list in the same order as the originals.
        for (const { id: _id, ...a } of activities) await insertActivity(tx, { ...a, reportId: next.id });
        await audit(tx, actor, 'report.correct', 'report', next.id, {
          period: report.period,
          fromVersion: report.version,
          version: next.version,
          activitiesCopied: activities.length,
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
