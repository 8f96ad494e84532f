/** The contract managers of a municipality: who holds the role, by id or email. */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { memberships, users } from '../schema/index.ts';
import { isUuid } from './evidence.ts';

/** True when the user holds the contract-manager role in the tenant. */
export async function isContractManager(db: Db | Tx, tenantId: string, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        eq(memberships.role, 'contractManager'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Enabled contract-manager memberships of enabled users in the tenant. */
function activeManagers(tenantId: string): SQL[] {
  return [
    eq(memberships.tenantId, tenantId),
    eq(memberships.role, 'contractManager'),
    eq(memberships.disabled, false),
    eq(users.disabled, false),
  ];
}

/** The users holding an enabled contract-manager role in the tenant, by name then email. */
export async function listContractManagers(
  db: Db | Tx,
  tenantId: string,
): Promise<{ userId: string; name: string; email: string }[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...activeManagers(tenantId)))
    .orderBy(asc(users.name), asc(users.email), asc(users.id));
}

/** The enabled contract manager of the tenant with this email address (any case), if there is one. */
export async function contractManagerByEmail(
  db: Db | Tx,
  tenantId: string,
  email: string,
): Promise<{ userId: string; name: string } | undefined> {
  const [row] = await db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...activeManagers(tenantId), sql`lower(${users.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return row;
}
