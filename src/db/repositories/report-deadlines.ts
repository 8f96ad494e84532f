import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contracts, memberships, notices, reports, suppliers, tenants, users } from '../schema/index.ts';

export type NoticeKind = 'reminder' | 'overdue';

export interface ReportDue {
  reportId: string;
  tenantId: string;
  tenantName: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  supplierId: string;
  supplierName: string;
  supplierContacts: unknown;
  period: string;
  dueDate: string;
}

export interface Recipient {
  email: string;
  locale: string;
}

/** Open reports whose due date has passed become `overdue`; returns those changed. */
export async function markOverdue(tx: Tx, asOf: string, onlyTenantId?: string) {
  return tx
    .update(reports)
    .set({ status: 'overdue', revision: sql`${reports.revision} + 1` })
    .where(
      and(
        eq(reports.status, 'open'),
        lt(reports.dueDate, asOf),
        ...(onlyTenantId ? [eq(reports.tenantId, onlyTenantId)] : []),
      ),
    )
    .returning({
      id: reports.id,
      tenantId: reports.tenantId,
      contractId: reports.contractId,
      period: reports.period,
    });
}

/**
 * Reports that should get a notice of `kind` on `asOf` and have none of that kind yet:
 * reminders for open reports due within `reminderDays`, overdue notices for overdue reports.
 */
export async function reportsNeedingNotice(
  db: Db | Tx,
  kind: NoticeKind,
  asOf: string,
  reminderDays: number,
  onlyTenantId?: string,
): Promise<ReportDue[]> {
  const window =
    kind === 'reminder'
      ? sql`${reports.status} = 'open' and ${reports.dueDate} >= ${asOf}::date
            and ${reports.dueDate} - ${reminderDays}::int <= ${asOf}::date`
      : sql`${reports.status} = 'overdue'`;
  return db
    .select({
      reportId: reports.id,
      tenantId: reports.tenantId,
      tenantName: tenants.name,
      contractId: contracts.id,
      contractReference: contracts.reference,
      contractTitle: contracts.title,
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      supplierContacts: suppliers.contacts,
      period: reports.period,
      dueDate: reports.dueDate,
    })
    .from(reports)
    .innerJoin(contracts, eq(contracts.id, reports.contractId))
    .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
    .innerJoin(tenants, eq(tenants.id, reports.tenantId))
    .where(
      sql`${window} and not exists (
        select 1 from ${notices} n where n.report_id = ${reports.id} and n.kind = ${kind})
        ${onlyTenantId ? sql`and ${reports.tenantId} = ${onlyTenantId}` : sql``}`,
    )
    .orderBy(reports.dueDate, reports.id);
}

/** Reminders and overdue notices go to the supplier (contacts and users) and the tenant's advisors. */
export async function noticeRecipients(db: Db | Tx, report: ReportDue): Promise<Recipient[]> {
  return recipientsOf(db, { ...report, advisors: true });
}

/**
 * Who hears about a supplier's work: its enabled users and its contacts (by email, once each, in
 * Dutch unless the user chose otherwise), and with `advisors` also the tenant's advisors.
 */
export async function recipientsOf(
  db: Db | Tx,
  who: { tenantId: string; supplierId: string; supplierContacts: unknown; advisors: boolean },
): Promise<Recipient[]> {
  const people = await db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, who.tenantId),
        eq(users.disabled, false),
        who.advisors
          ? sql`(${memberships.role} = 'advisor'
             or (${memberships.role} = 'supplier' and ${memberships.supplierId} = ${who.supplierId}))`
          : sql`(${memberships.role} = 'supplier' and ${memberships.supplierId} = ${who.supplierId})`,
      ),
    );
  const byEmail = new Map<string, Recipient>();
  for (const person of people)
    byEmail.set(person.email.toLowerCase(), { email: person.email.toLowerCase(), locale: person.locale });
  const contacts = Array.isArray(who.supplierContacts) ? (who.supplierContacts as unknown[]) : [];
  for (const contact of contacts) {
    const email = (contact as { email?: unknown } | null)?.email;
    if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email)) continue;
    const key = email.trim().toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, { email: key, locale: 'nl' });
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * Records the notices; the unique (report, kind, recipient) key lets each go out once, however
 * many instances run this at the same moment. Returns the recipients that were new.
 */
export async function insertNotices(
  tx: Tx,
  report: ReportDue,
  kind: NoticeKind,
  recipients: readonly string[],
): Promise<string[]> {
  if (recipients.length === 0) return [];
  const inserted = await tx
    .insert(notices)
    .values(
      recipients.map((recipient) => ({
        tenantId: report.tenantId,
        reportId: report.reportId,
        kind,
        recipient,
      })),
    )
    .onConflictDoNothing({ target: [notices.reportId, notices.kind, notices.recipient] })
    .returning({ recipient: notices.recipient });
  return inserted.map((row) => row.recipient);
}

/**
 * The advisor who asked a question (when still an enabled advisor of the tenant), else every
 * advisor of the tenant: someone must hear the answer.
 */
export async function advisorRecipients(
  db: Db | Tx,
  tenantId: string,
  askedBy: string | null,
): Promise<Recipient[]> {
  const advisors = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'advisor'), eq(users.disabled, false)),
    )
    .orderBy(users.email);
  const asker = advisors.filter((a) => a.id === askedBy);
  return (asker.length > 0 ? asker : advisors).map((a) => ({
    email: a.email.toLowerCase(),
    locale: a.locale,
  }));
}
