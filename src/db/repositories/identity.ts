import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { prepared } from '../prepared.ts';
import {
  externalIdentities,
  memberships,
  sessions,
  signInAttempts,
  suppliers,
  tenants,
  users,
} from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export async function userByEmail(db: Db | Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row;
}

/** A user's memberships with the names the UI shows, platform role first. */
export async function membershipsOf(db: Db | Tx, userId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      tenantId: memberships.tenantId,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
      supplierId: memberships.supplierId,
      supplierName: suppliers.name,
      initiativeId: memberships.initiativeId,
      disabled: memberships.disabled,
    })
    .from(memberships)
    .leftJoin(tenants, eq(tenants.id, memberships.tenantId))
    .leftJoin(suppliers, eq(suppliers.id, memberships.supplierId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name), asc(memberships.createdAt));
}

export async function insertSession(
  tx: Tx,
  values: {
    tokenHash: string;
    userId: string;
    tenantId: string | null;
    membershipId: string | null;
    csrfToken: string;
    /** Creation time from the app's clock (not the database's), so expiry follows one clock. */
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    via: 'password' | 'oidc';
  },
): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(values).returning();
  if (!row) throw new Error('session not stored');
  return row;
}

/** The live session of a cookie token with its user and membership, or undefined. */
/** The session with this token hash, its user and membership (every browser request: prepared). */
export async function sessionByTokenHash(db: Db | Tx, tokenHash: string) {
  const [row] = await prepared(db, 'session_by_token', (d) =>
    d
      .select({ session: sessions, user: users, membership: memberships })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(memberships, eq(memberships.id, sessions.membershipId))
      .where(eq(sessions.tokenHash, sql.placeholder('hash')))
      .limit(1)
      .prepare('session_by_token'),
  ).execute({ hash: tokenHash });
  return row;
}

export async function touchSession(db: Db | Tx, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db | Tx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function setSessionMembership(tx: Tx, id: string, membership: MembershipRow): Promise<void> {
  await tx
    .update(sessions)
    .set({ membershipId: membership.id, tenantId: membership.tenantId })
    .where(eq(sessions.id, id));
}

export async function membershipOfUser(db: Db | Tx, userId: string, membershipId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.id, membershipId)))
    .limit(1);
  return row;
}

/** The user's first enabled membership in a tenant. */
export async function membershipOfUserInTenant(db: Db | Tx, userId: string, tenantId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.tenantId, tenantId),
        eq(memberships.disabled, false),
      ),
    )
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row;
}

/** Records an attempt (as failed until it succeeds) and returns its id. */
export async function recordSignInAttempt(
  db: Db | Tx,
  values: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<string> {
  const [row] = await db.insert(signInAttempts).values(values).returning({ id: signInAttempts.id });
  if (!row) throw new Error('attempt not stored');
  return row.id;
}

export async function markSignInAttempt(db: Db | Tx, id: string, succeeded: boolean): Promise<void> {
  await db.update(signInAttempts).set({ succeeded }).where(eq(signInAttempts.id, id));
}

/**
 * Serializes sign-in attempts of one account and of one address until the transaction ends
 * (PostgreSQL advisory locks; always account first, then address, so two never wait on each other).
 */
export async function lockSignIn(tx: Tx, email: string, ip: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(1, hashtext(${email}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(2, hashtext(${ip}))`);
}

/**
 * Failed sign-ins since a moment: of one account from one address, of one address, and of one
 * account from anywhere; how many, and when the `nth` newest (or the newest) of them happened.
 */
export async function recentFailures(
  db: Db | Tx,
  email: string,
  ip: string,
  since: Date,
  nth: { accountAndIp: number; ip: number },
) {
  const failuresFor = async (where: SQL | undefined, position: number) => {
    const all = and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since));
    const [row] = await db.select({ n: count() }).from(signInAttempts).where(all);
    const [at] = await db
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(all)
      .orderBy(desc(signInAttempts.at))
      .offset(Math.max(0, position - 1))
      .limit(1);
    return { count: Number(row?.n ?? 0), nthNewest: at?.at ?? null };
  };
  return {
    accountAndIp: await failuresFor(
      and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)),
      nth.accountAndIp,
    ),
    ip: await failuresFor(eq(signInAttempts.ip, ip), nth.ip),
    account: await failuresFor(eq(signInAttempts.email, email), 1),
  };
}

/** Forgets an account's failed sign-ins (after its owner proved control by a reset link). */
export async function clearSignInFailures(db: Db | Tx, email: string): Promise<void> {
  await db
    .delete(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
}

/** The user that (provider, subject) was linked to at an earlier single sign-on, if any. */
export async function userOfExternalIdentity(db: Db | Tx, providerId: string, subject: string) {
  const [row] = await db
    .select({ user: users })
    .from(externalIdentities)
    .innerJoin(users, eq(users.id, externalIdentities.userId))
    .where(and(eq(externalIdentities.providerId, providerId), eq(externalIdentities.subject, subject)))
    .limit(1);
  return row?.user;
}

export async function linkExternalIdentity(
  tx: Tx,
  values: { providerId: string; subject: string; userId: string },
): Promise<void> {
  await tx.insert(externalIdentities).values(values);
}

/** The distinct tenants a user has a role in (for audit entries every municipality admin can see). */
export async function tenantIdsOfUser(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.flatMap((r) => (r.tenantId ? [r.tenantId] : []));
}
