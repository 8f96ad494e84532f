import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { purgeIdentityLeftovers } from '../../src/app/identity/purge.ts';
import { hashSecret, newSecret } from '../../src/app/tokens.ts';
import { oneTimeTokens, sessions, signInAttempts } from '../../src/db/schema/index.ts';
import { createActor, createTenant, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const at = (iso: string) => new Date(iso);

describe('identity housekeeping', () => {
  it('removes expired sessions, old sign-in attempts and old links, and keeps live ones', async () => {
    const tenant = await createTenant(t.deps.db);
    const { user } = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const session = (name: string, lastSeenAt: string, expiresAt: string) => ({
      tokenHash: hashSecret(newSecret()),
      userId: user.id,
      csrfToken: name,
      createdAt: at('2026-11-16T10:00:00Z'),
      lastSeenAt: at(lastSeenAt),
      expiresAt: at(expiresAt),
    });
    await t.deps.db
      .insert(sessions)
      .values([
        session('idle', '2026-11-22T10:00:00Z', '2026-11-25T10:00:00Z'),
        session('absolute', '2026-11-23T09:00:00Z', '2026-11-23T09:59:00Z'),
        session('live', '2026-11-23T09:00:00Z', '2026-11-25T10:00:00Z'),
      ]);
    const email = `${unique('purge')}@example.test`;
    await t.deps.db.insert(signInAttempts).values([
      { email, ip: '192.0.2.1', succeeded: false, at: at('2026-11-20T10:00:00Z') },
      { email, ip: '192.0.2.1', succeeded: false, at: at('2026-11-23T09:50:00Z') },
    ]);
    const link = (purpose: string, expiresAt: string) => ({
      purpose,
      tokenHash: hashSecret(newSecret()),
      userId: user.id,
      expiresAt: at(expiresAt),
    });
    await t.deps.db
      .insert(oneTimeTokens)
      .values([link('invitation', '2026-09-01T00:00:00Z'), link('invitation', '2026-11-30T00:00:00Z')]);

    await purgeIdentityLeftovers(t.deps, at('2026-11-23T10:00:00Z'));

    const left = await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.csrfToken)).toEqual(['live']);
    const attempts = await t.deps.db
      .select()
      .from(signInAttempts)
      .where(inArray(signInAttempts.email, [email]));
    expect(attempts).toHaveLength(1);
    const links = await t.deps.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
    expect(links.map((l) => l.expiresAt.toISOString())).toEqual(['2026-11-30T00:00:00.000Z']);
  });
});
