import { validatePolicy, type Policy } from '../../domain/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import { listPolicyVersions, policyVersionById } from '../../db/repositories/policies.ts';

export interface LoadedPolicy {
  id: string;
  version: number;
  policy: Policy;
}

/**
 * Validated policy versions by id: a stored version is never edited, so it is validated once, and
 * a contract's version is read from the database once per process (with the tenant it belongs to,
 * which every later lookup must match).
 */
const validated = new Map<string, LoadedPolicy & { tenantId?: string }>();

function checked(row: { id: string; version: number; policy: unknown; tenantId?: string }): LoadedPolicy {
  const known = validated.get(row.id);
  if (known && known.version === row.version) return known;
  const result = validatePolicy(row.policy);
  if (!result.ok) throw new Error(`Stored policy version ${row.id} is invalid`);
  const loaded = {
    id: row.id,
    version: row.version,
    policy: result.policy,
    ...(row.tenantId ? { tenantId: row.tenantId } : {}),
  };
  if (validated.size >= 10_000) validated.clear();
  validated.set(row.id, loaded);
  return loaded;
}

/** The policy version a contract is judged by (the one in force at its award), with defaults filled. */
export async function contractPolicy(
  db: Db | Tx,
  tenantId: string,
  policyVersionId: string,
): Promise<LoadedPolicy> {
  const known = validated.get(policyVersionId);
  if (known?.tenantId === tenantId) return known;
  const row = await policyVersionById(db, tenantId, policyVersionId);
  if (!row) throw new Error(`Policy version ${policyVersionId} of a contract is missing`);
  return checked(row);
}

/** Every policy version of a tenant by id, for views over many contracts. */
export async function tenantPolicies(db: Db | Tx, tenantId: string): Promise<Map<string, LoadedPolicy>> {
  const rows = await listPolicyVersions(db, tenantId);
  const map = new Map<string, LoadedPolicy>();
  for (const row of rows) map.set(row.id, checked(row));
  return map;
}

export { checked as loadPolicy };
