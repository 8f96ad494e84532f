import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { intakes, plans, planVersions } from '../schema/index.ts';

export type IntakeRow = typeof intakes.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;

/** A plan item as stored: the supplier's input plus the domain's valuation. */
export interface StoredPlanItem {
  typeCode: string;
  category: string;
  method: string;
  period: string;
  fte?: number | undefined;
  months?: number | undefined;
  units?: number | undefined;
  hours?: number | undefined;
  amountCents?: number | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  valueCents: number;
  ruleId: string;
  explanation: string;
  /** Absent in items stored before decision 009. */
  explanationNl?: string | undefined;
}

export async function intakeOf(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
): Promise<IntakeRow | undefined> {
  const [row] = await db
    .select()
    .from(intakes)
    .where(and(eq(intakes.tenantId, tenantId), eq(intakes.contractId, contractId)))
    .limit(1);
  return row;
}

/** Records the intake; a second call replaces it (the use case audits before and after in full). */
export async function upsertIntake(
  tx: Tx,
  values: {
    tenantId: string;
    contractId: string;
    date: string;
    notes: string;
    agreedDirection: string;
    recordedBy: string;
  },
): Promise<IntakeRow> {
  const [row] = await tx
    .insert(intakes)
    .values(values)
    .onConflictDoUpdate({
      target: intakes.contractId,
      set: {
        date: values.date,
        notes: values.notes,
        agreedDirection: values.agreedDirection,
        recordedBy: values.recordedBy,
      },
    })
    .returning();
  if (!row) throw new Error('intake not stored');
  return row;
}

export async function planOf(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PlanRow | undefined> {
  if (options.forUpdate) {
    await db.execute(
      sql`select id from ${plans} where ${plans.contractId} = ${contractId} and ${plans.tenantId} = ${tenantId} for update`,
    );
  }
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.contractId, contractId)))
    .limit(1);
  return row;
}

/** Creates or replaces the draft items of a contract's plan (status back to draft). */
export async function savePlanDraft(
  tx: Tx,
  values: { tenantId: string; contractId: string; items: StoredPlanItem[]; plannedCents: number; now: Date },
): Promise<PlanRow> {
  const [row] = await tx
    .insert(plans)
    .values({
      tenantId: values.tenantId,
      contractId: values.contractId,
      items: values.items,
      plannedCents: values.plannedCents,
      status: 'draft',
      updatedAt: values.now,
    })
    .onConflictDoUpdate({
      target: plans.contractId,
      set: { items: values.items, plannedCents: values.plannedCents, status: 'draft', updatedAt: values.now },
    })
    .returning();
  if (!row) throw new Error('plan not stored');
  return row;
}

export async function setPlanStatus(tx: Tx, tenantId: string, planId: string, status: string, now: Date) {
  await tx
    .update(plans)
    .set({ status, updatedAt: now })
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
}

export async function planVersionsOf(
  db: Db | Tx,
  tenantId: string,
  planId: string,
): Promise<PlanVersionRow[]> {
  return db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.tenantId, tenantId), eq(planVersions.planId, planId)))
    .orderBy(asc(planVersions.version));
}

export async function insertPlanVersion(
  tx: Tx,
  values: {
    tenantId: string;
    planId: string;
    items: StoredPlanItem[];
    plannedCents: number;
    submittedBy: string;
    now: Date;
  },
): Promise<PlanVersionRow> {
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${planVersions.version}), 0)`.mapWith(Number) })
    .from(planVersions)
    .where(eq(planVersions.planId, values.planId));
  const [row] = await tx
    .insert(planVersions)
    .values({
      tenantId: values.tenantId,
      planId: values.planId,
      version: (last?.n ?? 0) + 1,
      items: values.items,
      plannedCents: values.plannedCents,
      submittedBy: values.submittedBy,
      submittedAt: values.now,
    })
    .returning();
  if (!row) throw new Error('plan version not stored');
  return row;
}

export async function reviewPlanVersion(
  tx: Tx,
  tenantId: string,
  versionId: string,
  values: { decision: 'approved' | 'returned'; comment: string | null; reviewedBy: string; reviewedAt: Date },
): Promise<PlanVersionRow> {
  const [row] = await tx
    .update(planVersions)
    .set(values)
    .where(and(eq(planVersions.tenantId, tenantId), eq(planVersions.id, versionId)))
    .returning();
  if (!row) throw new Error('plan version not updated');
  return row;
}

/**
 * The latest approved plan version of each given contract: what the supplier committed to
 * (progress's "planned"). Keyed by contract id.
 */
export async function approvedPlanItems(
  db: Db | Tx,
  tenantId: string,
  contractIds?: readonly string[],
): Promise<Map<string, StoredPlanItem[]>> {
  const map = new Map<string, StoredPlanItem[]>();
  if (contractIds && contractIds.length === 0) return map;
  const rows = await db
    .select({ contractId: plans.contractId, version: planVersions.version, items: planVersions.items })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(
      and(
        eq(planVersions.tenantId, tenantId),
        eq(planVersions.decision, 'approved'),
        isNotNull(planVersions.reviewedAt),
        ...(contractIds ? [inArray(plans.contractId, [...contractIds])] : []),
      ),
    )
    .orderBy(desc(planVersions.version));
  for (const r of rows) if (!map.has(r.contractId)) map.set(r.contractId, r.items as StoredPlanItem[]);
  return map;
}
