import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { activities, contracts, contractVerifiers, evidenceFiles, reports } from '../schema/index.ts';

/**
 * Who looks: the tenant, for a supplier user the supplier organisation, for an independent verifier
 * the contracts assigned to them.
 */
export interface EvidenceScope {
  tenantId: string;
  supplierId: string | null;
  verifierUserId?: string | null | undefined;
}

export interface ActivityForEvidence {
  activityId: string;
  contractId: string;
  reportId: string;
  reportStatus: string;
  verification: string;
}

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id that is not a uuid cannot exist; asking the database would only raise a cast error. */
export const isUuid = (id: string) => uuidPattern.test(id);

const scopeConditions = (scope: EvidenceScope) => [
  eq(contracts.tenantId, scope.tenantId),
  ...(scope.supplierId ? [eq(contracts.supplierId, scope.supplierId)] : []),
  ...(scope.verifierUserId
    ? [
        sql`exists (select 1 from ${contractVerifiers} where ${contractVerifiers.contractId} = ${contracts.id} and ${contractVerifiers.userId} = ${scope.verifierUserId})`,
      ]
    : []),
];

/** The activity if it is in scope (tenant, and own supplier for a supplier user); else undefined. */
export async function activityInScope(
  db: Db | Tx,
  scope: EvidenceScope,
  activityId: string,
): Promise<ActivityForEvidence | undefined> {
  if (!isUuid(activityId)) return undefined;
  const [row] = await db
    .select({
      activityId: activities.id,
      contractId: activities.contractId,
      reportId: activities.reportId,
      reportStatus: reports.status,
      verification: activities.verification,
    })
    .from(activities)
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .innerJoin(contracts, eq(contracts.id, activities.contractId))
    .where(
      and(eq(activities.id, activityId), eq(activities.tenantId, scope.tenantId), ...scopeConditions(scope)),
    )
    .limit(1);
  return row;
}

export async function listEvidenceOfActivity(
  db: Db | Tx,
  tenantId: string,
  activityId: string,
): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), eq(evidenceFiles.activityId, activityId)))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
}

/** One evidence file with the state of its report, if in scope. */
export async function evidenceInScope(
  db: Db | Tx,
  scope: EvidenceScope,
  evidenceId: string,
): Promise<(EvidenceRow & { reportStatus: string }) | undefined> {
  if (!isUuid(evidenceId)) return undefined;
  const [row] = await db
    .select({ evidence: evidenceFiles, reportStatus: reports.status })
    .from(evidenceFiles)
    .innerJoin(activities, eq(activities.id, evidenceFiles.activityId))
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .innerJoin(contracts, eq(contracts.id, activities.contractId))
    .where(
      and(
        eq(evidenceFiles.id, evidenceId),
        eq(evidenceFiles.tenantId, scope.tenantId),
        ...scopeConditions(scope),
      ),
    )
    .limit(1);
  return row ? { ...row.evidence, reportStatus: row.reportStatus } : undefined;
}

export async function insertEvidence(
  tx: Tx,
  values: typeof evidenceFiles.$inferInsert,
): Promise<EvidenceRow> {
  const [row] = await tx.insert(evidenceFiles).values(values).returning();
  if (!row) throw new Error('evidence row not inserted');
  return row;
}

export async function deleteEvidenceRow(tx: Tx, tenantId: string, evidenceId: string): Promise<void> {
  await tx
    .delete(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), eq(evidenceFiles.id, evidenceId)));
}

/**
 * Serialises everything that writes or removes one content file (same SHA-256), across app
 * instances, until the transaction ends: an upload of bytes that a deletion is about to unlink
 * waits, so no row ever points at a removed file.
 */
export async function lockContent(tx: Tx, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'evidence:' + sha256}, 0))`);
}

export async function countByStorageKey(db: Db | Tx, storageKey: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.storageKey, storageKey));
  return row?.n ?? 0;
}

/**
 * Evidence of contracts whose (possibly extended) end date lies more than the policy's
 * `retentionYears` (default given) before `asOf`. The policy is the contract's own version.
 */
export async function expiredEvidence(
  db: Db | Tx,
  asOf: string,
  defaultRetentionYears: number,
  options: { limit?: number; onlyTenantId?: string } = {},
): Promise<EvidenceRow[]> {
  const result = await db.execute(sql`
    select e.id
    from evidence_files e
    join activities a on a.id = e.activity_id
    join contracts c on c.id = a.contract_id
    join policy_versions pv on pv.id = c.policy_version_id
    where greatest(c.end_date, coalesce((select max(x.end_date) from contract_extensions x where x.contract_id = c.id), c.end_date))
      + make_interval(years => coalesce((pv.policy->>'retentionYears')::int, ${defaultRetentionYears}))
      < ${asOf}::date
      ${options.onlyTenantId ? sql`and e.tenant_id = ${options.onlyTenantId}` : sql``}
    order by e.id
    limit ${options.limit ?? 500}`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(evidenceFiles)
    .where(
      sql`${evidenceFiles.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
}

/** How many evidence files each of these activities has (absent from the map: none). */
export async function evidenceCounts(
  db: Db | Tx,
  tenantId: string,
  activityIds: readonly string[],
): Promise<Map<string, number>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .select({ activityId: evidenceFiles.activityId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), inArray(evidenceFiles.activityId, [...activityIds])))
    .groupBy(evidenceFiles.activityId);
  return new Map(rows.map((r) => [r.activityId, r.n]));
}
