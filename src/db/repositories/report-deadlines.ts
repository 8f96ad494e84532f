import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { memberships, users } from '../schema/index.ts';

export type NoticeKind = 'reminder' | 'overdue';

export interface ReportDue {
  reportId: string;
  tenantId: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  supplierId: string;
  supplierName: string;
  period: string;
  dueDate: string;
}

export interface Recipient {
  email: string;
  locale: string;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;
const uuids = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The half-year (`2026-H1`) in which a contract was entered or imported into Retour, in Dutch time.
 * Half-years before it ended before Retour knew the contract: nobody is reminded of those.
 */
const trackedFromPeriod = sql`(to_char(c.created_at at time zone 'Europe/Amsterdam', 'YYYY')
  || case when extract(month from c.created_at at time zone 'Europe/Amsterdam') <= 6 then '-H1' else '-H2' end)`;

/**
 * Marks at most `limit` open reports past their due date `overdue`, with one audit entry each, in
 * one statement. Rows another instance is marking are skipped (`skip locked`). Returns how many.
 */
export async function markOverdueBatch(
  tx: Tx,
  asOf: string,
  limit: number,
  onlyTenantId?: string,
): Promise<number> {
  const result = await tx.execute(sql`
    with picked as (
      select id from reports
      where status = 'open' and due_date < ${asOf}::date
        ${onlyTenantId ? sql`and tenant_id = ${onlyTenantId}` : sql``}
      order by due_date, id
      limit ${limit}
      for update skip locked
    ), changed as (
      update reports r set status = 'overdue', revision = r.revision + 1
      from picked where r.id = picked.id and r.status = 'open'
      returning r.id, r.tenant_id, r.contract_id, r.period
    ), audited as (
      insert into audit_log (tenant_id, actor_user_id, actor_label, action, object_type, object_id, details)
      select tenant_id, null, 'scheduler', 'report.overdue', 'report', id::text,
             jsonb_build_object('contractId', contract_id, 'period', period, 'asOf', ${asOf}::text)
      from changed
      returning 1
    )
    select count(*)::int as n from audited`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/** Where a page of reports needing a notice ended (keyset: tenant, supplier, due date, report). */
export interface NoticeCursor {
  tenantId: string;
  supplierId: string;
  dueDate: string;
  reportId: string;
}

/**
 * The next page of reports that should get a notice of `kind` on `asOf` and have none of that kind
 * yet: reminders for open reports due within `reminderDays`, overdue notices for overdue reports;
 * never for a half-year that ended before the contract came into Retour. Ordered by tenant and
 * supplier, so one page holds a supplier's reports together.
 */
export async function reportsNeedingNotice(
  db: Db | Tx,
  query: {
    kind: NoticeKind;
    asOf: string;
    reminderDays: number;
    after: NoticeCursor | null;
    limit: number;
    onlyTenantId?: string | undefined;
  },
): Promise<ReportDue[]> {
  const window =
    query.kind === 'reminder'
      ? sql`r.status = 'open' and r.due_date >= ${query.asOf}::date
            and r.due_date <= ${query.asOf}::date + ${query.reminderDays}::int`
      : sql`r.status = 'overdue'`;
  const after = query.after;
  const result = await db.execute(sql`
    select r.id as "reportId", r.tenant_id as "tenantId", c.id as "contractId",
           c.reference as "contractReference", c.title as "contractTitle",
           c.supplier_id as "supplierId", s.name as "supplierName", r.period,
           to_char(r.due_date, 'YYYY-MM-DD') as "dueDate"
    from reports r
    join contracts c on c.id = r.contract_id
    join suppliers s on s.id = c.supplier_id
    where ${window}
      and r.period >= ${trackedFromPeriod}
      and not exists (select 1 from notices n where n.report_id = r.id and n.kind = ${query.kind})
      ${query.onlyTenantId ? sql`and r.tenant_id = ${query.onlyTenantId}` : sql``}
      ${
        after
          ? sql`and (r.tenant_id, c.supplier_id, r.due_date, r.id)
                  > (${after.tenantId}::uuid, ${after.supplierId}::uuid, ${after.dueDate}::date, ${after.reportId}::uuid)`
          : sql``
      }
    order by r.tenant_id, c.supplier_id, r.due_date, r.id
    limit ${query.limit}`);
  return rowsOf<ReportDue>(result);
}

/**
 * Records notices of `kind` for the given reports, to everyone who hears about them: the supplier's
 * enabled users and contacts and the tenant's advisors (each address once, in the user's language,
 * contacts in Dutch). The unique (report, kind, recipient) key lets each go out once, however many
 * instances run this at the same moment. Returns the new notices with the recipient's language.
 */
export async function insertNoticesFor(
  tx: Tx,
  kind: NoticeKind,
  reportIds: readonly string[],
): Promise<{ reportId: string; recipient: string; locale: string }[]> {
  if (reportIds.length === 0) return [];
  const result = await tx.execute(sql`
    with due as (
      select r.id as report_id, r.tenant_id, c.supplier_id
      from reports r join contracts c on c.id = r.contract_id
      where r.id in (${uuids(reportIds)})
    ), people as (
      select d.report_id, d.tenant_id, lower(u.email) as email, u.locale, 0 as rank
      from due d
      join memberships m on m.tenant_id = d.tenant_id and not m.disabled
      join users u on u.id = m.user_id and not u.disabled
      where m.role = 'advisor' or (m.role = 'supplier' and m.supplier_id = d.supplier_id)
      union all
      select d.report_id, d.tenant_id, lower(trim(e.value ->> 'email')), 'nl', 1
      from due d
      join suppliers s on s.id = d.supplier_id
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(s.contacts) = 'array' then s.contacts else '[]'::jsonb end) e
      where jsonb_typeof(e.value) = 'object' and jsonb_typeof(e.value -> 'email') = 'string'
        and (e.value ->> 'email') ~ '^[^\\s@]+@[^\\s@]+$'
    ), chosen as (
      select distinct on (report_id, email) report_id, tenant_id, email, locale
      from people order by report_id, email, rank
    ), inserted as (
      insert into notices (tenant_id, report_id, kind, recipient)
      select tenant_id, report_id, ${kind}, email from chosen
      on conflict (report_id, kind, recipient) do nothing
      returning report_id, recipient
    )
    select i.report_id as "reportId", i.recipient, ch.locale
    from inserted i join chosen ch on ch.report_id = i.report_id and ch.email = i.recipient
    order by i.recipient, i.report_id`);
  return rowsOf<{ reportId: string; recipient: string; locale: string }>(result);
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

/** A contract with social return of which a half-year has begun without its report (decision 035). */
export interface ContractAwaitingReports {
  id: string;
  tenantId: string;
  startDate: string;
  /** The end after extensions. */
  endDate: string;
  regime: string;
  policyVersionId: string;
  /** The half-years that have a report already. */
  periods: string[];
}

/** The half-year (`2026-H1`) of a date expression, in SQL. */
const halfYearOfSql = (date: ReturnType<typeof sql>) =>
  sql`(to_char(${date}, 'YYYY') || case when extract(month from ${date}) <= 6 then '-H1' else '-H2' end)`;

/**
 * At most `limit` contracts with social return (by id, after `afterId`) whose latest begun half-year
 * — that of `asOf`, or of the end (after extensions) for a contract that has ended — has no report
 * yet: the ones the deadline job opens reports for. One index probe per contract.
 */
export async function contractsAwaitingReports(
  tx: Tx,
  asOf: string,
  limit: number,
  afterId: string | null,
  onlyTenantId?: string,
): Promise<ContractAwaitingReports[]> {
  const result = await tx.execute(sql`
    with running as (
      select c.id, c.tenant_id, c.start_date, c.regime, c.policy_version_id,
        greatest(c.end_date, (select max(e.end_date) from contract_extensions e where e.contract_id = c.id)) as end_date
      from contracts c
      where c.regime <> 'none' and c.start_date <= ${asOf}::date
        ${afterId ? sql`and c.id > ${afterId}::uuid` : sql``}
        ${onlyTenantId ? sql`and c.tenant_id = ${onlyTenantId}::uuid` : sql``}
    )
    select c.id, c.tenant_id as "tenantId", to_char(c.start_date, 'YYYY-MM-DD') as "startDate",
      to_char(c.end_date, 'YYYY-MM-DD') as "endDate", c.regime, c.policy_version_id as "policyVersionId",
      coalesce((select array_agg(r.period) from reports r where r.contract_id = c.id and r.version = 1), '{}') as periods
    from running c
    where not exists (
      select 1 from reports r
      where r.contract_id = c.id
        and r.period = ${halfYearOfSql(sql`least(c.end_date, ${asOf}::date)`)}
        and r.version = 1)
    order by c.id
    limit ${limit}`);
  return rowsOf<ContractAwaitingReports>(result);
}
