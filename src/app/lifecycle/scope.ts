import { DomainError } from '../../domain/errors.ts';
import type { Db, Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/audit.ts';
import { contractWithExtensionsRead } from '../../db/repositories/contract-reads-together.ts';
import {
  contractInScope,
  type ContractScope,
  type ContractWithNames,
  type ExtensionRow,
} from '../../db/repositories/contracts.ts';
import type { Actor } from '../actor.ts';
import { tenantOf } from '../use-case.ts';

/** The contracts an actor may see (decision 006): tenant, and own supplier / own managed contracts. */
export function scopeOf(actor: Actor): ContractScope {
  return { tenantId: tenantOf(actor), role: actor.role, userId: actor.userId, supplierId: actor.supplierId };
}

/**
 * Roles that may look at a contract at all; the scope narrows it down to rows (an independent
 * verifier: the contracts assigned to them).
 */
export const contractReaders = [
  'municipalityAdmin',
  'advisor',
  'contractManager',
  'supplier',
  'verifier',
] as const;
/** Who decides on activities: the advisor, and an independent verifier of the contract (issue 16). */
export const activityDeciders = ['advisor', 'verifier'] as const;
/** Municipality staff for portfolio views. */
export const staffReaders = ['municipalityAdmin', 'advisor', 'contractManager'] as const;

/** The contract if the actor may see it, else NOT_FOUND (never 403: do not reveal it exists). */
export async function requireContract(
  db: Db | Tx,
  actor: Actor,
  contractId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContractWithNames> {
  const contract = await contractInScope(db, scopeOf(actor), contractId, options);
  if (!contract) throw noSuchContract();
  return contract;
}

/**
 * The contract and its extensions if the actor may see it, else NOT_FOUND; read outside any
 * transaction, for a request's answer: concurrent reads share one query (decision 034).
 */
export async function readContractWithExtensions(
  db: Db,
  actor: Actor,
  contractId: string,
): Promise<{ contract: ContractWithNames; extensions: ExtensionRow[] }> {
  const found = await contractWithExtensionsRead(db, scopeOf(actor), contractId);
  if (!found) throw noSuchContract();
  return found;
}

const noSuchContract = () => new DomainError('NOT_FOUND', 'No such contract.');

/** The one audit entry of a write, in its transaction. */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  objectType: string,
  objectId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await writeAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    action,
    objectType,
    objectId,
    details,
    ip: actor.ip,
  });
}

/** A unique-key violation from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
