import type { AppDeps } from '../app/deps.ts';
import type { Tx } from '../db/client.ts';
import { writeAudits } from '../db/audit.ts';
import { enqueueMails, type NewMail } from '../db/repositories/mail-outbox.ts';
import { insertNotifications, usersByEmail } from '../db/repositories/notifications.ts';
import { links } from '../app/notifications/notify.ts';
import { openBegunReportsBatch } from '../app/lifecycle/open-reports.ts';
import {
  insertNoticesFor,
  markOverdueBatch,
  reportsNeedingNotice,
  type NoticeCursor,
  type NoticeKind,
  type ReportDue,
} from '../db/repositories/report-deadlines.ts';
import { asLocale, renderMail, type MailTemplate, type ReportMailData } from '../mail/templates.ts';

export const defaultReminderDays = 14;
/** Reports per transaction: small enough that a batch takes well under a second. */
export const defaultJobBatchSize = 500;

/** Limits a job to one tenant: tests share one PostgreSQL database between files. */
export interface JobScope {
  onlyTenantId?: string;
}

/** How a run is steered: it stops between batches once `signal` is aborted. */
export interface JobControl {
  signal?: AbortSignal;
  /** Reports per batch (default `config.jobBatchSize`, else 500). */
  batchSize?: number;
  /** Called after each committed batch (the scheduler renews its claim there). */
  afterBatch?: () => Promise<void>;
}

/**
 * Lets timers, signals and requests in between batches. PGlite answers through promises alone, so
 * without this a long run would never give the event loop a turn (SIGTERM waited for the whole job).
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const batchSizeOf = (deps: AppDeps, control: JobControl) =>
  control.batchSize ?? deps.config.jobBatchSize ?? defaultJobBatchSize;

/**
 * (a, then) The reports of half-years that have begun by `asOf` and have none yet are made (decision 035:
 * an award makes only the reports of half-years that have begun), in batches of contracts that each
 * commit on their own; a stopped run goes on from there the next time.
 */
export async function openBegunReports(
  deps: AppDeps,
  asOf: string,
  scope: JobScope = {},
  control: JobControl = {},
): Promise<{ opened: number; stopped: boolean }> {
  const limit = batchSizeOf(deps, control);
  let opened = 0;
  let after: string | null = null;
  for (;;) {
    await breathe();
    if (control.signal?.aborted) return { opened, stopped: true };
    const from = after;
    const batch: { opened: number; lastId: string | null; full: boolean } = await deps.db.transaction((tx) =>
      openBegunReportsBatch(tx, asOf, limit, from, scope.onlyTenantId),
    );
    opened += batch.opened;
    after = batch.lastId;
    await control.afterBatch?.();
    if (!batch.full) return { opened, stopped: false };
  }
}

/**
 * (a) Open reports past their due date become `overdue`, in batches of set-based updates that write
 * one audit entry per report in the same statement. Each batch commits on its own, so a run that
 * is stopped (or crashes) leaves only whole batches done and the next run goes on from there.
 */
export async function markOverdueReports(
  deps: AppDeps,
  asOf: string,
  scope: JobScope = {},
  control: JobControl = {},
): Promise<{ marked: number; stopped: boolean }> {
  const limit = batchSizeOf(deps, control);
  let marked = 0;
  for (;;) {
    await breathe();
    if (control.signal?.aborted) return { marked, stopped: true };
    const n = await deps.db.transaction((tx) => markOverdueBatch(tx, asOf, limit, scope.onlyTenantId));
    marked += n;
    await control.afterBatch?.();
    if (n < limit) return { marked, stopped: false };
  }
}

/**
 * (b) Reminders `reminderDaysBefore` days before the due date and overdue notices after it, to the
 * supplier (contacts and users) and the tenant's advisors: one message per recipient listing all
 * of a supplier's reports in the batch (a page holds whole suppliers), not one per report. Never
 * for half-years that ended before the contract was entered or imported into Retour.
 *
 * Per batch, the notices, the outbox messages and the audit entries are one transaction; notices
 * already present are skipped (`on conflict do nothing`), so a report is noticed once per kind and
 * recipient even when two instances run this, and a stopped run resumes where it stopped.
 */
export async function queueReportNotices(
  deps: AppDeps,
  asOf: string,
  scope: JobScope = {},
  control: JobControl = {},
): Promise<{ queued: number; stopped: boolean }> {
  const reminderDays = deps.config.reminderDaysBefore ?? defaultReminderDays;
  const limit = batchSizeOf(deps, control);
  let queued = 0;
  for (const kind of ['reminder', 'overdue'] as const satisfies readonly NoticeKind[]) {
    let after: NoticeCursor | null = null;
    for (;;) {
      await breathe();
      if (control.signal?.aborted) return { queued, stopped: true };
      let page = await reportsNeedingNotice(deps.db, {
        kind,
        asOf,
        reminderDays,
        after,
        limit,
        onlyTenantId: scope.onlyTenantId,
      });
      if (page.length === 0) break;
      const full = page.length === limit;
      if (full) {
        // Leave the last supplier for the next page, so its reports go out in one message
        // (unless it alone fills the page).
        const last = page[page.length - 1] as ReportDue;
        const whole = page.filter((r) => r.supplierId !== last.supplierId || r.tenantId !== last.tenantId);
        if (whole.length > 0) page = whole;
      }
      const end = page[page.length - 1] as ReportDue;
      after = {
        tenantId: end.tenantId,
        supplierId: end.supplierId,
        dueDate: end.dueDate,
        reportId: end.reportId,
      };
      const batch = page;
      queued += await deps.db.transaction((tx) => noticeBatch(tx, deps, kind, asOf, batch));
      await control.afterBatch?.();
      if (!full) break;
    }
  }
  return { queued, stopped: false };
}

/** One batch: notices recorded, one message per (tenant, recipient), one audit entry per report. */
async function noticeBatch(
  tx: Tx,
  deps: AppDeps,
  kind: NoticeKind,
  asOf: string,
  page: readonly ReportDue[],
): Promise<number> {
  const fresh = await insertNoticesFor(
    tx,
    kind,
    page.map((r) => r.reportId),
  );
  if (fresh.length === 0) return 0;
  const byId = new Map(page.map((r) => [r.reportId, r]));
  const link = (r: ReportDue) => `${deps.config.publicUrl}/contracts/${r.contractId}`;
  const perRecipient = new Map<
    string,
    { tenantId: string; to: string; locale: string; reports: ReportDue[] }
  >();
  const perReport = new Map<string, string[]>();
  for (const notice of fresh) {
    const report = byId.get(notice.reportId);
    if (!report) continue;
    const key = `${report.tenantId} ${notice.recipient}`;
    const entry = perRecipient.get(key) ?? {
      tenantId: report.tenantId,
      to: notice.recipient,
      locale: notice.locale,
      reports: [],
    };
    entry.reports.push(report);
    perRecipient.set(key, entry);
    const recipients = perReport.get(report.reportId) ?? [];
    recipients.push(notice.recipient);
    perReport.set(report.reportId, recipients);
  }
  const mails: NewMail[] = [...perRecipient.values()].map((m) => {
    const lines: ReportMailData[] = m.reports
      .slice()
      .sort(
        (a, b) =>
          a.dueDate.localeCompare(b.dueDate) || a.contractReference.localeCompare(b.contractReference),
      )
      .map((r) => ({
        contractReference: r.contractReference,
        contractTitle: r.contractTitle,
        supplierName: r.supplierName,
        period: r.period,
        dueDate: r.dueDate,
        link: link(r),
      }));
    const template: MailTemplate =
      lines.length === 1
        ? { kind: kind === 'reminder' ? 'reportReminder' : 'reportOverdue', data: lines[0] as ReportMailData }
        : {
            kind: kind === 'reminder' ? 'reportReminderSummary' : 'reportOverdueSummary',
            data: { reports: lines, link: `${deps.config.publicUrl}/` },
          };
    return { tenantId: m.tenantId, to: m.to, ...renderMail(template, asLocale(m.locale)) };
  });
  await enqueueMails(tx, mails);
  await notifyRecipients(tx, deps, kind, [...perRecipient.values()]);
  await writeAudits(
    tx,
    [...perReport].map(([reportId, recipients]) => {
      const report = byId.get(reportId) as ReportDue;
      return {
        tenantId: report.tenantId,
        actorUserId: null,
        actorLabel: 'scheduler',
        action: kind === 'reminder' ? 'report.reminderQueued' : 'report.overdueNoticeQueued',
        objectType: 'report',
        objectId: reportId,
        details: { period: report.period, dueDate: report.dueDate, recipients, asOf },
      };
    }),
  );
  return mails.length;
}

/**
 * Beside the mails, one in-app notification per recipient with an account (decision 027): the
 * report itself when there is one, else a summary with the count that links to the start page,
 * where the work queue lists them.
 */
async function notifyRecipients(
  tx: Tx,
  deps: AppDeps,
  kind: NoticeKind,
  recipients: readonly { tenantId: string; to: string; reports: ReportDue[] }[],
): Promise<number> {
  const byTenant = new Map<string, { to: string; reports: ReportDue[] }[]>();
  for (const r of recipients) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r]);
  const now = deps.now();
  const rows = [];
  for (const [tenantId, list] of byTenant) {
    const accounts = new Map(
      (
        await usersByEmail(
          tx,
          tenantId,
          list.map((r) => r.to),
        )
      ).map((u) => [u.email, u.userId]),
    );
    for (const r of list) {
      const userId = accounts.get(r.to.toLowerCase());
      if (!userId) continue;
      const reports = r.reports
        .slice()
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.reportId.localeCompare(b.reportId));
      const first = reports[0] as ReportDue;
      rows.push({
        tenantId,
        userId,
        kind: kind === 'reminder' ? 'reportsDue' : 'reportsOverdue',
        subjectType: 'report',
        subjectId: first.reportId,
        link: reports.length === 1 ? links.report(first.contractId, first.reportId) : links.home,
        params: {
          count: reports.length,
          contractReference: first.contractReference,
          contractTitle: first.contractTitle,
          supplierName: first.supplierName,
          period: first.period,
          dueDate: first.dueDate,
        },
        createdAt: now,
      });
    }
  }
  return insertNotifications(tx, rows);
}
