import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import {
  membershipsOf,
  recentFailures,
  recordSignInAttempt,
  userByEmail,
} from '../../db/repositories/identity.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { defineUseCase } from '../use-case.ts';
import { signInLimits } from './session-policy.ts';
import { startSession } from './start-session.ts';

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The cookie the browser still had: rotated away on sign-in. */
  previousTokenHash?: string | undefined;
}

// Verifying against a real hash when the account does not exist keeps the timing the same.
const dummyHash = hashPassword(randomBytes(16).toString('hex'));

/**
 * Signs in with email and password: rate limited per account and per address, every attempt
 * recorded and audited; on success a new session (the old cookie's session is dropped).
 */
export const signIn = defineUseCase({
  name: 'session.create',
  access: 'public',
  async run({ deps }, input: SignInInput) {
    const now = deps.now();
    const email = input.email.trim().toLowerCase();
    const ip = input.ip ?? 'unknown';
    const failures = await recentFailures(
      deps.db,
      email,
      ip,
      new Date(now.getTime() - signInLimits.windowMs),
    );
    if (failures.account >= signInLimits.perAccount || failures.ip >= signInLimits.perIp) {
      await writeAudit(deps.db, {
        tenantId: null,
        actorUserId: null,
        actorLabel: email,
        action: 'session.rateLimited',
        ip,
      });
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins. Wait 15 minutes and try again.');
    }
    const user = await userByEmail(deps.db, email);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
    const ok = Boolean(user && !user.disabled && user.passwordHash && valid);
    const result = await deps.db.transaction(async (tx) => {
      await recordSignInAttempt(tx, { email, ip, succeeded: ok, at: now });
      if (!ok || !user) {
        await writeAudit(tx, {
          tenantId: null,
          actorUserId: user?.id ?? null,
          actorLabel: email,
          action: 'session.failed',
          ip,
        });
        return null;
      }
      const all = await membershipsOf(tx, user.id);
      const first = all.find((m) => m.tenantId) ?? all[0];
      const { token, session } = await startSession(tx, {
        userId: user.id,
        membership: first,
        now,
        ip: input.ip,
        userAgent: input.userAgent,
        previousTokenHash: input.previousTokenHash,
      });
      await writeAudit(tx, {
        tenantId: first?.tenantId ?? null,
        actorUserId: user.id,
        actorLabel: email,
        action: 'session.create',
        objectType: 'session',
        objectId: session.id,
        ip,
      });
      return { token, session, user, memberships: all };
    });
    if (!result) throw new DomainError('UNAUTHENTICATED', 'The email address or password is not correct.');
    return result;
  },
});
