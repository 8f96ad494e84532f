/** How long a browser session lives: idle expiry slides with use, absolute expiry does not. */
export const sessionPolicy = {
  cookieName: 'retour_session',
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 7 * 24 * 60 * 60 * 1000,
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchEveryMs: 60 * 1000,
} as const;

/** Sign-in rate limits: failures in the window, per account and per address. */
export const signInLimits = { windowMs: 15 * 60 * 1000, perAccount: 5, perIp: 20 } as const;

export function sessionExpired(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): boolean {
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.idleMs;
}
