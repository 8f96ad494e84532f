/** How long a browser session lives: idle expiry slides with use, absolute expiry does not. */
export const sessionPolicy = {
  cookieName: 'retour_session',
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 7 * 24 * 60 * 60 * 1000,
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchEveryMs: 60 * 1000,
} as const;

/**
 * Sign-in limits (decision 018). In the window: 5 failures of one account from one address lock that
 * pair; 20 failures from one address lock the address. Failures of one account from all addresses
 * together only slow it down: from the 10th on, each next attempt waits 2^(n−10) s after the last
 * failure, at most a minute, so no one can lock the owner out for longer than that.
 */
export const signInLimits = {
  windowMs: 15 * 60 * 1000,
  perAccountAndIp: 5,
  perIp: 20,
  accountDelayFrom: 10,
  accountDelayMaxMs: 60 * 1000,
} as const;

/** How long an account must wait after its newest failure, given its failures in the window. */
export function accountDelayMs(failures: number): number {
  if (failures < signInLimits.accountDelayFrom) return 0;
  const exponent = Math.min(failures - signInLimits.accountDelayFrom, 16);
  return Math.min(1000 * 2 ** exponent, signInLimits.accountDelayMaxMs);
}

export function sessionExpired(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): boolean {
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.idleMs;
}
