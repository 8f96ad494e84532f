import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { tenants } from '../schema/index.ts';

/**
 * Results in the open: aggregate queries over a tenant's contracts and activities for one year,
 * never a row about a person (only counts of distinct candidate codes leave the database).
 */

export async function tenantPublication(db: Db | Tx, tenantId: string) {
  const [row] = await db
    .select({ slug: tenants.slug, name: tenants.name, publishResults: tenants.publishResults })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return row;
}

/** The tenant behind a slug only when it publishes; otherwise undefined, exactly as for an unknown slug. */
export async function publishingTenant(db: Db | Tx, slug: string) {
  const [row] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(and(eq(tenants.slug, slug), eq(tenants.publishResults, true)))
    .limit(1);
  return row;
}

export async function setPublishResults(tx: Tx, tenantId: string, publish: boolean) {
  await tx.update(tenants).set({ publishResults: publish }).where(eq(tenants.id, tenantId));
}

export interface TermRow {
  id: string;
  reference: string;
  title: string;
  supplierName: string;
  supplierKvk: string;
  kind: string;
  regime: string;
  valueCents: number;
  totalValueCents: number;
  obligationCents: number;
  startDate: string;
  /** After extensions. */
  endDate: string;
  awardDate: string;
  reserved: string | null;
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

/**
 * Every contract of the tenant with its term after extensions, or only those whose term overlaps
 * [from, to]. One query; aggregates mapped to numbers (pg gives bigint sums as text).
 */
export async function contractTerms(
  db: Db | Tx,
  tenantId: string,
  overlap?: { from: string; to: string },
): Promise<TermRow[]> {
  const result = await db.execute(sql`
    select c.id, c.reference, c.title, s.name as "supplierName", s.kvk_number as "supplierKvk",
      c.kind, c.regime, c.value_cents as "valueCents", c.obligation_cents as "obligationCents",
      c.value_cents + coalesce(sum(x.value_cents), 0) as "totalValueCents",
      c.start_date::text as "startDate", c.award_date::text as "awardDate",
      greatest(c.end_date, coalesce(max(x.end_date), c.end_date))::text as "endDate",
      min(r.basis) as "reserved"
    from contracts c
    join suppliers s on s.id = c.supplier_id
    left join contract_extensions x on x.contract_id = c.id
    left join contract_reservations r on r.contract_id = c.id
    where c.tenant_id = ${tenantId}
    group by c.id, s.name, s.kvk_number
    ${overlap ? sql`having c.start_date <= ${overlap.to} and greatest(c.end_date, coalesce(max(x.end_date), c.end_date)) >= ${overlap.from}` : sql``}
    order by c.reference`);
  return rowsOf<TermRow>(result).map((r) => ({
    ...r,
    valueCents: Number(r.valueCents),
    totalValueCents: Number(r.totalValueCents),
    obligationCents: Number(r.obligationCents),
  }));
}

export interface ValueSums {
  category: string;
  realisedCents: number;
  verifiedCents: number;
  /** Distinct candidates (per supplier) in accepted activities. */
  people: number;
}

/**
 * Realised (reported, not rejected) and verified (accepted) value per category of the activities
 * of the given half-years, in the current version of each report (as the dashboard counts them),
 * with the number of distinct candidates per supplier among the accepted ones.
 */
export async function valueSums(db: Db | Tx, tenantId: string, periods: readonly string[]) {
  const list = sql.join(
    periods.map((p) => sql`${p}`),
    sql`, `,
  );
  const current = sql`r.version = (select max(r2.version) from reports r2 where r2.contract_id = r.contract_id and r2.period = r.period)`;
  const byCategory = await db.execute(sql`
    select a.category,
      coalesce(sum(a.value_cents) filter (where a.verification <> 'rejected'), 0) as "realisedCents",
      coalesce(sum(a.value_cents) filter (where a.verification = 'accepted'), 0) as "verifiedCents",
      count(distinct c.supplier_id::text || ':' || a.candidate_code) filter (where a.verification = 'accepted' and a.candidate_code is not null) as "people"
    from activities a
    join reports r on r.id = a.report_id
    join contracts c on c.id = a.contract_id
    where a.tenant_id = ${tenantId} and a.period in (${list}) and ${current}
    group by a.category`);
  const [total] = rowsOf<{ people: unknown }>(
    await db.execute(sql`
    select count(distinct c.supplier_id::text || ':' || a.candidate_code) as "people"
    from activities a
    join reports r on r.id = a.report_id
    join contracts c on c.id = a.contract_id
    where a.tenant_id = ${tenantId} and a.period in (${list}) and ${current}
      and a.verification = 'accepted' and a.candidate_code is not null`),
  );
  const byTheme = await db.execute(sql`
    select t.theme,
      coalesce(sum(a.value_cents) filter (where a.verification <> 'rejected'), 0) as "realisedCents",
      coalesce(sum(a.value_cents) filter (where a.verification = 'accepted'), 0) as "verifiedCents"
    from activities a
    join reports r on r.id = a.report_id
    join pledges p on p.activity_id = a.id
    join initiatives i on i.id = p.initiative_id
    cross join lateral jsonb_array_elements_text(i.themes) as t(theme)
    where a.tenant_id = ${tenantId} and a.period in (${list}) and ${current}
    group by t.theme
    order by t.theme`);
  return {
    people: Number(total?.people ?? 0),
    byCategory: rowsOf<ValueSums>(byCategory).map((r) => ({
      category: r.category,
      realisedCents: Number(r.realisedCents),
      verifiedCents: Number(r.verifiedCents),
      people: Number(r.people),
    })),
    byTheme: rowsOf<{ theme: string; realisedCents: unknown; verifiedCents: unknown }>(byTheme).map((r) => ({
      theme: r.theme,
      realisedCents: Number(r.realisedCents),
      verifiedCents: Number(r.verifiedCents),
    })),
  };
}

/** Realised and verified value per contract over its whole life (for open data), current report versions. */
export async function contractValueTotals(db: Db | Tx, tenantId: string) {
  const result = await db.execute(sql`
    select a.contract_id as "contractId",
      coalesce(sum(a.value_cents) filter (where a.verification <> 'rejected'), 0) as "realisedCents",
      coalesce(sum(a.value_cents) filter (where a.verification = 'accepted'), 0) as "verifiedCents"
    from activities a
    join reports r on r.id = a.report_id
    where a.tenant_id = ${tenantId}
      and r.version = (select max(r2.version) from reports r2 where r2.contract_id = r.contract_id and r2.period = r.period)
    group by a.contract_id`);
  return new Map(
    rowsOf<{ contractId: string; realisedCents: unknown; verifiedCents: unknown }>(result).map((r) => [
      r.contractId,
      { realisedCents: Number(r.realisedCents), verifiedCents: Number(r.verifiedCents) },
    ]),
  );
}
