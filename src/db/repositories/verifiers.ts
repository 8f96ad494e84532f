import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contractVerifiers, memberships, users } from '../schema/index.ts';

export interface VerifierRow {
  userId: string;
  name: string;
  email: string;
}

/** The users with an enabled verifier role in the tenant, by email. */
export async function verifiersOfTenant(db: Db | Tx, tenantId: string): Promise<VerifierRow[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.role, 'verifier'),
        eq(memberships.disabled, false),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.email));
}

/** The verifiers assigned to a contract, with when they were assigned. */
export async function verifiersOfContract(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
): Promise<(VerifierRow & { assignedAt: Date })[]> {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      assignedAt: contractVerifiers.createdAt,
    })
    .from(contractVerifiers)
    .innerJoin(users, eq(users.id, contractVerifiers.userId))
    .where(and(eq(contractVerifiers.tenantId, tenantId), eq(contractVerifiers.contractId, contractId)))
    .orderBy(asc(users.email));
}

export async function insertVerifier(
  tx: Tx,
  row: { tenantId: string; contractId: string; userId: string; assignedBy: string },
): Promise<void> {
  await tx.insert(contractVerifiers).values(row);
}

/** Removes an assignment; the number of rows removed (0 when there was none). */
export async function deleteVerifier(
  tx: Tx,
  tenantId: string,
  contractId: string,
  userId: string,
): Promise<number> {
  const rows = await tx
    .delete(contractVerifiers)
    .where(
      and(
        eq(contractVerifiers.tenantId, tenantId),
        eq(contractVerifiers.contractId, contractId),
        eq(contractVerifiers.userId, userId),
      ),
    )
    .returning({ id: contractVerifiers.id });
  return rows.length;
}
