import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { keyset, toPage, type Cursor } from './paging.ts';
import {
  contracts,
  initiativeNeeds,
  initiatives,
  pledges,
  supplierStrengths,
  suppliers,
} from '../schema/index.ts';
import { isUuid } from './evidence.ts';

export type InitiativeRow = typeof initiatives.$inferSelect;
export type NeedRow = typeof initiativeNeeds.$inferSelect;
export type PledgeRow = typeof pledges.$inferSelect;
export type StrengthsRow = typeof supplierStrengths.$inferSelect;

/** An initiative of the tenant; `forUpdate` locks it until the transaction ends. */
export async function initiativeById(
  db: Db | Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InitiativeRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.tenantId, tenantId), eq(initiatives.id, id)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export interface InitiativeFilters {
  statuses?: readonly string[] | undefined;
  theme?: string | undefined;
  needKind?: string | undefined;
}

/** Initiatives of a tenant by name, filtered by status, a theme and a kind of need. */
export async function listInitiatives(
  db: Db | Tx,
  tenantId: string,
  filters: InitiativeFilters,
  page?: { limit: number; after?: Cursor | undefined },
): Promise<{ items: InitiativeRow[]; next?: Cursor }> {
  const conds: SQL[] = [eq(initiatives.tenantId, tenantId)];
  if (filters.statuses) conds.push(inArray(initiatives.status, [...filters.statuses]));
  if (filters.theme) conds.push(sql`${initiatives.themes} @> ${JSON.stringify([filters.theme])}::jsonb`);
  if (filters.needKind)
    conds.push(
      sql`exists (select 1 from ${initiativeNeeds} where ${initiativeNeeds.initiativeId} = ${initiatives.id} and ${initiativeNeeds.kind} = ${filters.needKind})`,
    );
  if (!page)
    return {
      items: await db
        .select()
        .from(initiatives)
        .where(and(...conds))
        .orderBy(asc(initiatives.name), asc(initiatives.id)),
    };
  // a page by name (keyset, decision 015): the next `limit` after the last one seen
  const { after, orderBy } = keyset(initiatives.name, initiatives.id, page.after, false);
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(...conds, ...(after ? [after] : [])))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => ({ value: r.name, id: r.id }));
}

/** The needs of some initiatives of the tenant, in each initiative's order. */
export async function needsOf(db: Db | Tx, tenantId: string, initiativeIds: string[]): Promise<NeedRow[]> {
  if (initiativeIds.length === 0) return [];
  return db
    .select()
    .from(initiativeNeeds)
    .where(and(eq(initiativeNeeds.tenantId, tenantId), inArray(initiativeNeeds.initiativeId, initiativeIds)))
    .orderBy(asc(initiativeNeeds.initiativeId), asc(initiativeNeeds.position));
}

export async function updateInitiative(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<typeof initiatives.$inferInsert>,
): Promise<InitiativeRow> {
  const [row] = await tx
    .update(initiatives)
    .set(values)
    .where(and(eq(initiatives.tenantId, tenantId), eq(initiatives.id, id)))
    .returning();
  if (!row) throw new Error('initiative vanished inside its transaction');
  return row;
}

export type NeedValues = Pick<
  typeof initiativeNeeds.$inferInsert,
  'kind' | 'expertise' | 'description' | 'quantity'
>;

/** Replaces an initiative's needs by the given list (their order kept). */
export async function replaceNeeds(
  tx: Tx,
  tenantId: string,
  initiativeId: string,
  needs: NeedValues[],
): Promise<NeedRow[]> {
  await tx
    .delete(initiativeNeeds)
    .where(and(eq(initiativeNeeds.tenantId, tenantId), eq(initiativeNeeds.initiativeId, initiativeId)));
  if (needs.length === 0) return [];
  return tx
    .insert(initiativeNeeds)
    .values(needs.map((n, position) => ({ ...n, tenantId, initiativeId, position })))
    .returning();
}

export type SavedNeed = NeedValues & { id?: string | undefined; status: string };

/**
 * Saves an initiative's needs in the given order, keeping their ids (pledges refer to them): a need
 * with an id is updated in place, one without is added, and one left out is deleted, or closed when
 * a pledge refers to it. Ids not of this initiative are the caller's to refuse first.
 */
export async function saveNeeds(
  tx: Tx,
  tenantId: string,
  initiativeId: string,
  needs: SavedNeed[],
): Promise<NeedRow[]> {
  const existing = await needsOf(tx, tenantId, [initiativeId]);
  const kept = new Set(needs.flatMap((n) => (n.id ? [n.id] : [])));
  const gone = existing.filter((n) => !kept.has(n.id)).map((n) => n.id);
  const pledged = new Set(
    gone.length
      ? (
          await tx
            .selectDistinct({ needId: pledges.needId })
            .from(pledges)
            .where(and(eq(pledges.tenantId, tenantId), inArray(pledges.needId, gone)))
        ).map((r) => r.needId)
      : [],
  );
  const toDelete = gone.filter((id) => !pledged.has(id));
  if (toDelete.length)
    await tx
      .delete(initiativeNeeds)
      .where(and(eq(initiativeNeeds.tenantId, tenantId), inArray(initiativeNeeds.id, toDelete)));
  let position = 0;
  for (const n of needs) {
    const values = {
      kind: n.kind,
      expertise: n.expertise,
      description: n.description,
      quantity: n.quantity,
      status: n.status,
      position: position++,
    };
    if (n.id)
      await tx
        .update(initiativeNeeds)
        .set(values)
        .where(
          and(
            eq(initiativeNeeds.tenantId, tenantId),
            eq(initiativeNeeds.initiativeId, initiativeId),
            eq(initiativeNeeds.id, n.id),
          ),
        );
    else await tx.insert(initiativeNeeds).values({ ...values, tenantId, initiativeId });
  }
  // the removed needs that have pledges stay, closed, after the others
  for (const id of gone.filter((g) => pledged.has(g)))
    await tx
      .update(initiativeNeeds)
      .set({ status: 'closed', position: position++ })
      .where(and(eq(initiativeNeeds.tenantId, tenantId), eq(initiativeNeeds.id, id)));
  return needsOf(tx, tenantId, [initiativeId]);
}

/** One need of an initiative of the tenant. */
export async function needOf(
  db: Db | Tx,
  tenantId: string,
  initiativeId: string,
  needId: string,
): Promise<NeedRow | undefined> {
  if (!isUuid(needId)) return undefined;
  const [row] = await db
    .select()
    .from(initiativeNeeds)
    .where(
      and(
        eq(initiativeNeeds.tenantId, tenantId),
        eq(initiativeNeeds.initiativeId, initiativeId),
        eq(initiativeNeeds.id, needId),
      ),
    )
    .limit(1);
  return row;
}

export interface NeedWithInitiative extends NeedRow {
  initiativeName: string;
  themes: unknown;
  targetGroups: unknown;
}

/** The open needs of the tenant's approved initiatives, with what matching reads of the initiative. */
export async function openNeedsOfApproved(db: Db | Tx, tenantId: string): Promise<NeedWithInitiative[]> {
  const rows = await db
    .select({
      need: initiativeNeeds,
      initiativeName: initiatives.name,
      themes: initiatives.themes,
      targetGroups: initiatives.targetGroups,
    })
    .from(initiativeNeeds)
    .innerJoin(initiatives, eq(initiatives.id, initiativeNeeds.initiativeId))
    .where(
      and(
        eq(initiativeNeeds.tenantId, tenantId),
        eq(initiativeNeeds.status, 'open'),
        eq(initiatives.tenantId, tenantId),
        eq(initiatives.status, 'approved'),
      ),
    );
  return rows.map((r) => ({
    ...r.need,
    initiativeName: r.initiativeName,
    themes: r.themes,
    targetGroups: r.targetGroups,
  }));
}

/** A supplier's stated strengths, if it stated any. */
export async function strengthsOf(
  db: Db | Tx,
  tenantId: string,
  supplierId: string,
): Promise<StrengthsRow | undefined> {
  const [row] = await db
    .select()
    .from(supplierStrengths)
    .where(and(eq(supplierStrengths.tenantId, tenantId), eq(supplierStrengths.supplierId, supplierId)))
    .limit(1);
  return row;
}

export type StrengthsValues = Omit<
  typeof supplierStrengths.$inferInsert,
  'id' | 'tenantId' | 'supplierId' | 'createdAt'
>;

/** Stores a supplier's strengths (one row per supplier, replaced as a whole). */
export async function saveStrengths(
  tx: Tx,
  tenantId: string,
  supplierId: string,
  values: StrengthsValues,
): Promise<StrengthsRow> {
  const [row] = await tx
    .insert(supplierStrengths)
    .values({ ...values, tenantId, supplierId })
    .onConflictDoUpdate({ target: [supplierStrengths.tenantId, supplierStrengths.supplierId], set: values })
    .returning();
  if (!row) throw new Error('strengths not stored');
  return row;
}

/** Every supplier of the tenant that stated its strengths, with its name. */
export async function suppliersWithStrengths(
  db: Db | Tx,
  tenantId: string,
): Promise<(StrengthsRow & { supplierName: string })[]> {
  const rows = await db
    .select({ strengths: supplierStrengths, supplierName: suppliers.name })
    .from(supplierStrengths)
    .innerJoin(suppliers, eq(suppliers.id, supplierStrengths.supplierId))
    .where(and(eq(supplierStrengths.tenantId, tenantId), eq(suppliers.tenantId, tenantId)));
  return rows.map((r) => ({ ...r.strengths, supplierName: r.supplierName }));
}

export async function insertPledge(tx: Tx, values: typeof pledges.$inferInsert): Promise<PledgeRow> {
  const [row] = await tx.insert(pledges).values(values).returning();
  if (!row) throw new Error('pledge not stored');
  return row;
}

/** The confirmed pledges that became these activities, with the initiative's name. */
export async function pledgesOfActivities(
  db: Db | Tx,
  tenantId: string,
  activityIds: readonly string[],
): Promise<{ activityId: string; pledgeId: string; initiativeName: string }[]> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .select({ activityId: pledges.activityId, pledgeId: pledges.id, initiativeName: initiatives.name })
    .from(pledges)
    .innerJoin(initiatives, eq(initiatives.id, pledges.initiativeId))
    .where(and(eq(pledges.tenantId, tenantId), inArray(pledges.activityId, [...activityIds])));
  return rows.flatMap((r) => (r.activityId ? [{ ...r, activityId: r.activityId }] : []));
}

export interface PledgeWithNames extends PledgeRow {
  initiativeName: string;
  needDescription: string | null;
  supplierName: string;
  contractReference: string;
  contractTitle: string;
}

/** Whose pledges: an initiative's (received) or a supplier's (given); neither: all of the tenant. */
export interface PledgeFilters {
  initiativeId?: string | undefined;
  supplierId?: string | undefined;
  status?: string | undefined;
  id?: string | undefined;
}

/** Pledges of a tenant with the names a list shows, newest first. */
export async function listPledges(
  db: Db | Tx,
  tenantId: string,
  filters: PledgeFilters,
): Promise<PledgeWithNames[]> {
  const conds: SQL[] = [eq(pledges.tenantId, tenantId)];
  if (filters.initiativeId) conds.push(eq(pledges.initiativeId, filters.initiativeId));
  if (filters.supplierId) conds.push(eq(pledges.supplierId, filters.supplierId));
  if (filters.status) conds.push(eq(pledges.status, filters.status));
  if (filters.id) conds.push(eq(pledges.id, filters.id));
  const rows = await db
    .select({
      pledge: pledges,
      initiativeName: initiatives.name,
      needDescription: initiativeNeeds.description,
      supplierName: suppliers.name,
      contractReference: contracts.reference,
      contractTitle: contracts.title,
    })
    .from(pledges)
    .innerJoin(initiatives, eq(initiatives.id, pledges.initiativeId))
    .innerJoin(suppliers, eq(suppliers.id, pledges.supplierId))
    .innerJoin(contracts, eq(contracts.id, pledges.contractId))
    .leftJoin(initiativeNeeds, eq(initiativeNeeds.id, pledges.needId))
    .where(and(...conds))
    .orderBy(desc(pledges.createdAt), asc(pledges.id));
  return rows.map((r) => ({
    ...r.pledge,
    initiativeName: r.initiativeName,
    needDescription: r.needDescription,
    supplierName: r.supplierName,
    contractReference: r.contractReference,
    contractTitle: r.contractTitle,
  }));
}

/** One pledge in scope (same filters as the list), locked for a decision when asked. */
export async function pledgeInScope(
  db: Db | Tx,
  tenantId: string,
  id: string,
  filters: Omit<PledgeFilters, 'id' | 'status'>,
  options: { forUpdate?: boolean } = {},
): Promise<PledgeWithNames | undefined> {
  if (!isUuid(id)) return undefined;
  if (options.forUpdate)
    await db.execute(
      sql`select id from ${pledges} where ${pledges.id} = ${id} and ${pledges.tenantId} = ${tenantId} for update`,
    );
  const [row] = await listPledges(db, tenantId, { ...filters, id });
  return row;
}

export async function updatePledge(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<typeof pledges.$inferInsert>,
): Promise<void> {
  await tx
    .update(pledges)
    .set(values)
    .where(and(eq(pledges.tenantId, tenantId), eq(pledges.id, id)));
}
