import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sessionPolicy } from '../app/identity/session-policy.ts';

/** The session cookie: httpOnly, SameSite=Lax, Secure behind TLS, whole site, 7 days at most. */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, sessionPolicy.cookieName, token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(sessionPolicy.absoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, sessionPolicy.cookieName, { path: '/', secure });
}
