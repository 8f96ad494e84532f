import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { prepared } from '../prepared.ts';
import { contracts, portfolioChanges, suppliers } from '../schema/index.ts';
import { contractScopeConditions, type ContractScope } from './contracts.ts';
import { isUuid } from './evidence.ts';

/**
 * Portfolio reads for dashboards and lists (issue 14): the database sums values per contract and
 * category and per half-year, so no activity row travels to JavaScript; the domain then computes
 * each contract's progress from those sums (caps, expected pace, forecast and status stay there).
 */

/** A contract as portfolio views need it: its terms, names, and end date after extensions. */
export interface PortfolioContract {
  id: string;
  reference: string;
  title: string;
  supplierId: string;
  supplierName: string;
  regime: string;
  valueCents: number;
  obligationCents: number;
  startDate: string;
  /** After extensions. */
  endDate: string;
  policyVersionId: string;
}

/** Planned, realised and verified sums of one contract in one category (before caps). */
export interface CategorySums {
  contractId: string;
  category: string;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
}

/** Sums of one half-year over the portfolio (as stored: before caps, which apply per contract term). */
export interface PeriodSums {
  period: string;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
}

const effectiveEnd = sql<string>`greatest(${contracts.endDate}, (select max(x.end_date) from contract_extensions x
  where x.contract_id = ${contracts.id}))`;

/**
 * Every contract in scope with what portfolio views need (no explanations, no lists: a page asks
 * for those of its own contracts), as one JSON value (the embedded database decodes thousands of
 * rows slowly).
 */
export async function portfolioContracts(
  db: Db | Tx,
  scope: ContractScope,
  where: SQL[] = [],
): Promise<PortfolioContract[]> {
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(${contracts.id}, ${contracts.reference}, ${contracts.title},
      ${contracts.supplierId}, ${suppliers.name}, ${contracts.regime}, ${contracts.valueCents},
      ${contracts.obligationCents}, ${contracts.startDate}, ${effectiveEnd}, ${contracts.policyVersionId})), '[]')::text as j
    from ${contracts} join ${suppliers} on ${suppliers.id} = ${contracts.supplierId}
    where ${and(...contractScopeConditions(scope), ...where)}`);
  type Row = [string, string, string, string, string, string, number, number, string, string, string];
  return jsonOf<Row>(result).map((r) => ({
    id: r[0],
    reference: r[1],
    title: r[2],
    supplierId: r[3],
    supplierName: r[4],
    regime: r[5],
    valueCents: r[6],
    obligationCents: r[7],
    startDate: r[8],
    endDate: r[9],
    policyVersionId: r[10],
  }));
}

/** The obligation explanations of some contracts of a tenant, by contract id. */
export async function obligationExplanations(
  db: Db | Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, { en: string; nl: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: contracts.id,
      en: contracts.obligationExplanation,
      nl: contracts.obligationExplanationNl,
    })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { en: r.en, nl: r.nl }]));
}

/** Whether a scope sees the whole tenant (then sums need no join on contracts). */
const wholeTenant = (scope: ContractScope) => scope.role === 'advisor' || scope.role === 'municipalityAdmin';

/**
 * The condition on an activity (alias a) or plan (alias p) row that its contract is in scope, as SQL
 * over `contracts`: nothing extra for a tenant-wide scope.
 */
function scopeOn(scope: ContractScope, contractIdColumn: SQL): SQL {
  if (wholeTenant(scope)) return sql`true`;
  const conds = contractScopeConditions(scope);
  return sql`exists (select 1 from ${contracts} where ${contracts.id} = ${contractIdColumn} and ${and(...conds)})`;
}

/** The rows of a query that answers one JSON text column `j`. */
function jsonOf<T>(result: unknown): T[] {
  const [row] = (result as { rows: { j: string }[] }).rows;
  return row ? (JSON.parse(row.j) as T[]) : [];
}

/**
 * Planned, realised and verified sums per contract and category, and per half-year, from the
 * `progress_sums` rollup (kept by triggers in every write transaction): planned of every half-year
 * (the latest approved plan), realised and verified of the half-years up to `upToPeriod` (those
 * begun by the date asked), in one pass (grouping sets). `contractIds` narrows it to a page of
 * contracts (then no half-years); `periods: false` leaves the half-years out (lists).
 */
export async function portfolioSums(
  db: Db | Tx,
  scope: ContractScope,
  upToPeriod: string,
  contractIds?: readonly string[],
  options: { periods?: boolean } = {},
): Promise<{ byContract: CategorySums[]; byPeriod: PeriodSums[] }> {
  if (contractIds && contractIds.length === 0) return { byContract: [], byPeriod: [] };
  const periods = !contractIds && options.periods !== false;
  const narrow = contractIds
    ? sql`and s.contract_id in (${sql.join(
        contractIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const grouping = periods
    ? sql`group by grouping sets ((s.contract_id, s.category), (s.period))`
    : sql`group by s.contract_id, s.category`;
  const sums = sql`
      select s.contract_id, s.category, ${periods ? sql`s.period` : sql`null`} as period,
        ${periods ? sql`grouping(s.period) = 0` : sql`false`} as by_period,
        coalesce(sum(s.planned_cents), 0) as planned,
        coalesce(sum(s.realised_cents) filter (where s.period <= ${upToPeriod}), 0) as realised,
        coalesce(sum(s.verified_cents) filter (where s.period <= ${upToPeriod}), 0) as verified
      from progress_sums s
      where s.tenant_id = ${scope.tenantId} ${narrow} and ${scopeOn(scope, sql`s.contract_id`)}
      ${grouping}`;
  const byContract: CategorySums[] = [];
  const byPeriod: PeriodSums[] = [];
  if (!periods) {
    // Per contract its categories (each contract id once): half the text of a row per category.
    const result = await db.execute(sql`
      select coalesce(json_agg(json_build_array(y.contract_id, y.c)), '[]')::text as j
      from (select x.contract_id, json_agg(json_build_array(x.category, x.planned, x.realised, x.verified)) as c
        from (${sums}) x group by x.contract_id) y`);
    type Row = [string, [string, number, number, number][]];
    for (const [contractId, categories] of jsonOf<Row>(result))
      for (const [category, planned, realised, verified] of categories)
        byContract.push({
          contractId,
          category,
          plannedCents: planned,
          realisedCents: realised,
          verifiedCents: verified,
        });
    return { byContract, byPeriod };
  }
  // One JSON value instead of thousands of rows: the embedded database's row decoding is the cost.
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(x.contract_id, x.category, x.period, x.by_period, x.planned,
      x.realised, x.verified)), '[]')::text as j
    from (${sums}) x`);
  type Row = [string, string, string | null, boolean, number, number, number];
  for (const [contractId, category, period, isPeriod, planned, realised, verified] of jsonOf<Row>(result)) {
    const amounts = { plannedCents: planned, realisedCents: realised, verifiedCents: verified };
    if (isPeriod) byPeriod.push({ period: String(period), ...amounts });
    else byContract.push({ contractId, category, ...amounts });
  }
  return { byContract, byPeriod };
}

/** The portfolio's sums per half-year alone (before caps), as `portfolioSums` gives them with its contracts. */
export async function portfolioPeriodSums(
  db: Db | Tx,
  scope: ContractScope,
  upToPeriod: string,
): Promise<PeriodSums[]> {
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(x.period, x.planned, x.realised, x.verified)), '[]')::text as j
    from (select s.period,
        coalesce(sum(s.planned_cents), 0) as planned,
        coalesce(sum(s.realised_cents) filter (where s.period <= ${upToPeriod}), 0) as realised,
        coalesce(sum(s.verified_cents) filter (where s.period <= ${upToPeriod}), 0) as verified
      from progress_sums s
      where s.tenant_id = ${scope.tenantId} and ${scopeOn(scope, sql`s.contract_id`)}
      group by s.period) x`);
  type Row = [string, number, number, number];
  return jsonOf<Row>(result).map(([period, planned, realised, verified]) => ({
    period,
    plannedCents: planned,
    realisedCents: realised,
    verifiedCents: verified,
  }));
}

/** Columns the contract list sorts on in the database, with a unique tie-breaker (id). */
export const sortColumns = {
  reference: contracts.reference,
  title: contracts.title,
  supplierName: suppliers.name,
  valueCents: contracts.valueCents,
  obligationCents: contracts.obligationCents,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  regime: contracts.regime,
  awardDate: contracts.awardDate,
} as const;
export type SortColumn = keyof typeof sortColumns;

/** A keyset cursor: the sort value and id of the last row of the page before. */
export interface Keyset {
  value: string | number;
  id: string;
}

/**
 * One page of contract ids in scope, sorted in the database by a column (descending with `desc`)
 * and id, after `after` (keyset paging: stable under inserts, no offset scan). Returns up to
 * `limit + 1` ids so the caller knows whether there is a next page.
 */
export async function contractPage(
  db: Db | Tx,
  scope: ContractScope,
  options: { where: SQL[]; sort: SortColumn; desc: boolean; limit: number; after?: Keyset | undefined },
): Promise<{ id: string; sortValue: string | number }[]> {
  const column = sortColumns[options.sort];
  const conds = [...contractScopeConditions(scope), ...options.where];
  const after = options.after;
  if (after && isUuid(after.id)) {
    const cmp = options.desc ? lt : gt;
    const keyset = or(cmp(column, after.value), and(eq(column, after.value), cmp(contracts.id, after.id)));
    if (keyset) conds.push(keyset);
  }
  const order = options.desc ? [desc(column), desc(contracts.id)] : [asc(column), asc(contracts.id)];
  // the supplier is joined only to sort by its name (the filters need no join)
  const query = db.select({ id: contracts.id, sortValue: column }).from(contracts).$dynamic();
  const joined =
    options.sort === 'supplierName'
      ? query.innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
      : query;
  const rows = await joined
    .where(and(...conds))
    .orderBy(...order)
    .limit(options.limit + 1);
  return rows.map((r) => ({ id: r.id, sortValue: r.sortValue as string | number }));
}

/** Count of contracts in scope matching the filters (for "n of m" and paging controls). */
export async function countContracts(db: Db | Tx, scope: ContractScope, where: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(contracts)
    .where(and(...contractScopeConditions(scope), ...where));
  return Number(row?.n ?? 0);
}

/** Above this many contracts named since a snapshot, computing the whole portfolio anew is as quick. */
const maxNamed = 256;

/** A tenant's portfolio stamp, with what changed after a known note. */
export interface PortfolioStamp {
  /** `count:min:max` of the tenant's change notes: any committed write changes it. */
  text: string;
  count: number;
  lowest: string | null;
  highest: string | null;
  /** Notes with an id above the one asked for. */
  newer: number;
  /** The contracts those notes name; null when one of them names none (any may have changed) or too many. */
  contractIds: string[] | null;
}

/**
 * The stamp of a tenant's portfolio: count, lowest and highest id of its change notes (written by
 * statement triggers, migrations/0013 and 0017). Any committed write to what portfolio views show
 * changes it (a note that commits late, with a lower id than one seen before, still changes the
 * count). With `after` (the highest id a snapshot saw) it also says which contracts the notes after
 * it name, read in the same statement, so the caller can tell whether only those changed.
 */
export async function portfolioStamp(
  db: Db | Tx,
  tenantId: string,
  after: string | null = null,
): Promise<PortfolioStamp> {
  const newer = sql`${portfolioChanges.id} > ${sql.placeholder('after')}::bigint`;
  const [row] = await prepared(db, 'portfolio_stamp', (d) =>
    d
      .select({
        n: sql<string>`count(*)`,
        lo: sql<string | null>`min(${portfolioChanges.id})::text`,
        hi: sql<string | null>`max(${portfolioChanges.id})::text`,
        newer: sql<string>`count(*) filter (where ${newer})`,
        whole: sql<boolean | null>`bool_or(${portfolioChanges.contractId} is null) filter (where ${newer})`,
        named: sql<string>`count(distinct ${portfolioChanges.contractId}) filter (where ${newer})`,
        ids: sql<
          string | null
        >`case when count(distinct ${portfolioChanges.contractId}) filter (where ${newer}) <= ${maxNamed}
          then string_agg(distinct ${portfolioChanges.contractId}::text, ',') filter (where ${newer}) end`,
      })
      .from(portfolioChanges)
      .where(eq(portfolioChanges.tenantId, sql.placeholder('tenantId')))
      .prepare('portfolio_stamp'),
  ).execute({ tenantId, after: after ?? '9223372036854775807' });
  const count = Number(row?.n ?? 0);
  const lowest = row?.lo ?? null;
  const highest = row?.hi ?? null;
  const named = Number(row?.named ?? 0);
  return {
    text: `${count}:${lowest ?? ''}:${highest ?? ''}`,
    count,
    lowest,
    highest,
    newer: Number(row?.newer ?? 0),
    contractIds: row?.whole || named > maxNamed ? null : row?.ids ? row.ids.split(',') : [],
  };
}

/** Removes change notes older than `before` (of one tenant, or all); returns how many. */
export async function pruneChangeNotes(db: Db, before: Date, tenantId?: string): Promise<number> {
  const rows = await db
    .delete(portfolioChanges)
    .where(
      and(lt(portfolioChanges.at, before), ...(tenantId ? [eq(portfolioChanges.tenantId, tenantId)] : [])),
    )
    .returning({ id: portfolioChanges.id });
  return rows.length;
}

/** Ids of the contracts in scope matching list filters (to narrow a portfolio computed for all). */
export async function contractIdsMatching(
  db: Db | Tx,
  scope: ContractScope,
  where: SQL[],
): Promise<Set<string>> {
  const rows = await db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
    .where(and(...contractScopeConditions(scope), ...where));
  return new Set(rows.map((r) => r.id));
}
