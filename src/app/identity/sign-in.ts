import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { writeAccountAudit, writeAudit } from '../../db/audit.ts';
import {
  lockSignIn,
  markSignInAttempt,
  membershipsOf,
  recentFailures,
  recordSignInAttempt,
  tenantIdsOfUser,
  userByEmail,
} from '../../db/repositories/identity.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { defineUseCase } from '../use-case.ts';
import { accountDelayMs, signInLimits } from './session-policy.ts';
import { startSession } from './start-session.ts';

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The cookie the browser still had: rotated away on sign-in. */
  previousTokenHash?: string | undefined;
}

/** Too many failed sign-ins; `retryAfterSeconds` is when the next attempt can get through. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      'RATE_LIMITED',
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Verifying against a real hash when the account does not exist keeps the timing the same.
const dummyHash = hashPassword(randomBytes(16).toString('hex'));

/**
 * Signs in with email and password: limited per account and address, per address, and slowed per
 * account (session-policy.ts, decision 018), every attempt
 * recorded and audited; on success a new session (the old cookie's session is dropped).
 *
 * Counting and recording an attempt happen under a lock per account and per address, so of any
 * number of simultaneous guesses at most the limit get to the password check. A refused attempt
 * is not recorded, so hammering does not extend the lockout.
 */
export const signIn = defineUseCase({
  name: 'session.create',
  access: 'public',
  async run({ deps }, input: SignInInput) {
    const now = deps.now();
    const email = input.email.trim().toLowerCase();
    const ip = input.ip ?? 'unknown';
    const user = await userByEmail(deps.db, email);
    const tenantIds = user ? await tenantIdsOfUser(deps.db, user.id) : [];
    // One at a time per account and per address: count, then record this attempt as a failure
    // (until it succeeds), so parallel guesses cannot all pass the count before any is recorded.
    const counted = await deps.db.transaction(async (tx) => {
      await lockSignIn(tx, email, ip);
      const failures = await recentFailures(tx, email, ip, new Date(now.getTime() - signInLimits.windowMs), {
        accountAndIp: signInLimits.perAccountAndIp,
        ip: signInLimits.perIp,
      });
      const over = [
        failures.accountAndIp.count >= signInLimits.perAccountAndIp ? failures.accountAndIp.nthNewest : null,
        failures.ip.count >= signInLimits.perIp ? failures.ip.nthNewest : null,
      ]
        .filter((at): at is Date => at !== null)
        .map((at) => at.getTime() + signInLimits.windowMs);
      // The account as a whole is only slowed down, so others cannot lock its owner out.
      const newest = failures.account.nthNewest;
      const delay = accountDelayMs(failures.account.count);
      if (newest && delay && newest.getTime() + delay > now.getTime()) over.push(newest.getTime() + delay);
      if (over.length) return { attemptId: null, limitedUntil: Math.max(...over) };
      const attemptId = await recordSignInAttempt(tx, { email, ip, succeeded: false, at: now });
      return { attemptId, limitedUntil: 0 };
    });
    const { attemptId } = counted;
    if (attemptId === null) {
      const retryAfterSeconds = Math.max(1, Math.ceil((counted.limitedUntil - now.getTime()) / 1000));
      await writeAccountAudit(deps.db, tenantIds, {
        actorUserId: user?.id ?? null,
        actorLabel: email,
        action: 'session.rateLimited',
        details: { retryAfterSeconds },
        ip,
      });
      throw new RateLimitedError(retryAfterSeconds);
    }
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
    const ok = Boolean(user && !user.disabled && user.passwordHash && valid);
    const result = await deps.db.transaction(async (tx) => {
      if (!ok || !user) {
        await writeAccountAudit(tx, tenantIds, {
          actorUserId: user?.id ?? null,
          actorLabel: email,
          action: 'session.failed',
          ip,
        });
        return null;
      }
      await markSignInAttempt(tx, attemptId, true);
      const all = (await membershipsOf(tx, user.id)).filter((m) => !m.disabled);
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
