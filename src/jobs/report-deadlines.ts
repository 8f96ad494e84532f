import type { AppDeps } from '../app/deps.ts';
import { writeAudit } from '../db/audit.ts';
import { enqueueMail } from '../db/repositories/mail-outbox.ts';
import {
  insertNotices,
  markOverdue,
  noticeRecipients,
  reportsNeedingNotice,
  type NoticeKind,
} from '../db/repositories/report-deadlines.ts';
import { asLocale, renderMail } from '../mail/templates.ts';

export const defaultReminderDays = 14;

/** Limits a job to one tenant: tests share one PostgreSQL database between files. */
export interface JobScope {
  onlyTenantId?: string;
}

/** (a) Open reports past their due date become `overdue`: one transaction, one audit entry each. */
export async function markOverdueReports(
  deps: AppDeps,
  asOf: string,
  scope: JobScope = {},
): Promise<{ marked: number }> {
  return deps.db.transaction(async (tx) => {
    const changed = await markOverdue(tx, asOf, scope.onlyTenantId);
    for (const report of changed) {
      await writeAudit(tx, {
        tenantId: report.tenantId,
        actorUserId: null,
        actorLabel: 'scheduler',
        action: 'report.overdue',
        objectType: 'report',
        objectId: report.id,
        details: { contractId: report.contractId, period: report.period, asOf },
      });
    }
    return { marked: changed.length };
  });
}

/**
 * (b) Reminders `reminderDaysBefore` days before the due date and an overdue notice after it, to
 * the supplier (contacts and users) and the tenant's advisors. Per report, the notices, the
 * outbox messages and the audit entry are one transaction; notices already present are skipped
 * (`on conflict do nothing`), so a message is queued once even when two instances run this.
 */
export async function queueReportNotices(
  deps: AppDeps,
  asOf: string,
  scope: JobScope = {},
): Promise<{ queued: number }> {
  const reminderDays = deps.config.reminderDaysBefore ?? defaultReminderDays;
  let queued = 0;
  for (const kind of ['reminder', 'overdue'] as const satisfies readonly NoticeKind[]) {
    for (const report of await reportsNeedingNotice(deps.db, kind, asOf, reminderDays, scope.onlyTenantId)) {
      const recipients = await noticeRecipients(deps.db, report);
      queued += await deps.db.transaction(async (tx) => {
        const fresh = new Set(
          await insertNotices(
            tx,
            report,
            kind,
            recipients.map((r) => r.email),
          ),
        );
        const data = {
          contractReference: report.contractReference,
          contractTitle: report.contractTitle,
          supplierName: report.supplierName,
          period: report.period,
          dueDate: report.dueDate,
          link: `${deps.config.publicUrl}/contracts/${report.contractId}`,
        };
        for (const recipient of recipients.filter((r) => fresh.has(r.email))) {
          const mail = renderMail(
            { kind: kind === 'reminder' ? 'reportReminder' : 'reportOverdue', data },
            asLocale(recipient.locale),
          );
          await enqueueMail(tx, { tenantId: report.tenantId, to: recipient.email, ...mail });
        }
        if (fresh.size > 0) {
          await writeAudit(tx, {
            tenantId: report.tenantId,
            actorUserId: null,
            actorLabel: 'scheduler',
            action: kind === 'reminder' ? 'report.reminderQueued' : 'report.overdueNoticeQueued',
            objectType: 'report',
            objectId: report.reportId,
            details: { period: report.period, dueDate: report.dueDate, recipients: [...fresh] },
          });
        }
        return fresh.size;
      });
    }
  }
  return { queued };
}
