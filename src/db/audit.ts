import type { Tx, Db } from './client.ts';
import { auditLog } from './schema/index.ts';

export interface AuditEntry {
  tenantId: string | null;
  actorUserId: string | null;
  actorLabel?: string;
  action: string;
  objectType?: string;
  objectId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

const rowOf = (entry: AuditEntry) => ({
  tenantId: entry.tenantId,
  actorUserId: entry.actorUserId,
  actorLabel: entry.actorLabel ?? '',
  action: entry.action,
  objectType: entry.objectType ?? null,
  objectId: entry.objectId ?? null,
  details: entry.details ?? {},
  ip: entry.ip ?? null,
});

/** Appends one audit entry, inside the caller's transaction so it lands with the change or not at all. */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(rowOf(entry));
}

/** Appends many entries in one statement (scheduled jobs working in batches). */
export async function writeAudits(tx: Tx | Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.insert(auditLog).values(entries.map(rowOf));
}

/**
 * An entry about an account without a tenant of its own (failed sign-in, rate limit, reset request):
 * written once without a tenant (the platform's view) and once for each municipality the account
 * has a role in, so that municipality's admins see it in their audit log.
 */
export async function writeAccountAudit(
  tx: Tx | Db,
  tenantIds: readonly string[],
  entry: Omit<AuditEntry, 'tenantId'>,
): Promise<void> {
  for (const tenantId of [null, ...new Set(tenantIds)]) await writeAudit(tx, { ...entry, tenantId });
}
