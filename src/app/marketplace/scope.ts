import { DomainError } from '../../domain/errors.ts';
import { isVisibleToSuppliers, type ProfileStatus } from '../../domain/marketplace.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  initiativeById,
  pledgeInScope,
  type InitiativeRow,
  type PledgeFilters,
  type PledgeWithNames,
} from '../../db/repositories/marketplace.ts';
import type { Actor } from '../actor.ts';
import { tenantOf } from '../use-case.ts';

/** Municipality staff who review profiles and see every initiative and pledge of the tenant. */
export const reviewers = ['advisor', 'municipalityAdmin'] as const;

const isReviewer = (actor: Actor) => (reviewers as readonly string[]).includes(actor.role);

/**
 * An initiative as the actor may see it, else NOT_FOUND (never 403): reviewers see every profile,
 * an initiative user only its own, suppliers only approved ones.
 */
export async function requireInitiative(
  db: Db | Tx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InitiativeRow> {
  const row = await initiativeById(db, tenantOf(actor), id, options);
  const visible =
    row &&
    (isReviewer(actor) ||
      (actor.role === 'initiative'
        ? actor.initiativeId === row.id
        : isVisibleToSuppliers(row.status as ProfileStatus)));
  if (!row || !visible) throw new DomainError('NOT_FOUND', 'No such initiative.');
  return row;
}

/** The initiative user's own initiative. */
export async function ownInitiative(db: Db | Tx, actor: Actor, options: { forUpdate?: boolean } = {}) {
  if (!actor.initiativeId) throw new DomainError('NOT_FOUND', 'This account does not act for an initiative.');
  return requireInitiative(db, actor, actor.initiativeId, options);
}

/** The pledges an actor may see: a supplier its own, an initiative those made to it, reviewers all. */
export function pledgeScope(actor: Actor): Omit<PledgeFilters, 'id' | 'status'> {
  if (actor.role === 'supplier')
    return { supplierId: actor.supplierId ?? '00000000-0000-0000-0000-000000000000' };
  if (actor.role === 'initiative')
    return { initiativeId: actor.initiativeId ?? '00000000-0000-0000-0000-000000000000' };
  return {};
}

export async function requirePledge(
  db: Db | Tx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PledgeWithNames> {
  const row = await pledgeInScope(db, tenantOf(actor), id, pledgeScope(actor), options);
  if (!row) throw new DomainError('NOT_FOUND', 'No such pledge.');
  return row;
}
