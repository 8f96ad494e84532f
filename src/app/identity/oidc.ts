import * as client from 'openid-client';
import { lt } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { oidcLogins } from '../../db/schema/index.ts';
import { insertLogin, providerById, providersOfTenantSlug, takeLogin } from '../../db/repositories/oidc.ts';
import { defineUseCase } from '../use-case.ts';
import { configurationOf, redirectUriOf } from './oidc-client.ts';
import { signInWithIdentity, type Identity } from './oidc-identity.ts';

/** How long a sign-in at the identity provider may take. */
const loginLifetimeMs = 10 * 60 * 1000;

/** Only a path on this site: never another origin (no open redirect). */
export function safeReturnTo(value: string | undefined | null): string {
  return value && /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : '/';
}

/** The single sign-on choices on a municipality's sign-in page. */
export const listOidcProviders = defineUseCase({
  name: 'oidcProvider.list',
  access: 'public',
  async run({ deps }, input: { slug: string }) {
    const rows = await providersOfTenantSlug(deps.db, input.slug);
    return rows.map(({ provider }) => ({ id: provider.id, name: provider.name }));
  },
});

/**
 * Starts an authorization code + PKCE sign-in: state, nonce and code verifier are kept server-side
 * (10 minutes, used once); the browser goes to the provider's authorization endpoint.
 */
export const beginOidcLogin = defineUseCase({
  name: 'oidc.begin',
  access: 'public',
  async run(
    { deps },
    input: { slug: string; providerId?: string | undefined; returnTo?: string | undefined },
  ) {
    const rows = await providersOfTenantSlug(deps.db, input.slug);
    const row = input.providerId ? rows.find((r) => r.provider.id === input.providerId) : rows[0];
    if (!row)
      throw new DomainError('NOT_FOUND', 'This municipality has no single sign-on with that provider.');
    const config = await reach(() =>
      configurationOf(row.provider, deps.config.allowPrivateOidcIssuers === true),
    );
    const now = deps.now();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await deps.db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
    await insertLogin(deps.db, {
      state,
      providerId: row.provider.id,
      nonce,
      codeVerifier,
      returnTo: safeReturnTo(input.returnTo),
      expiresAt: new Date(now.getTime() + loginLifetimeMs),
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUriOf(deps.config.publicUrl),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href };
  },
});

/**
 * Finishes the sign-in on the callback: the login in flight is taken once, the code exchanged with
 * the verifier, the ID token checked (issuer, audience, nonce, signature) and the person signed in
 * with their role in the provider's municipality.
 */
export const finishOidcLogin = defineUseCase({
  name: 'oidc.finish',
  access: 'public',
  async run(
    { deps },
    input: {
      state: string;
      callbackUrl: string;
      ip: string | null;
      userAgent: string | null;
      previousTokenHash?: string | undefined;
    },
  ) {
    const login = await takeLogin(deps.db, input.state);
    if (!login || login.expiresAt <= deps.now())
      throw new DomainError(
        'UNAUTHENTICATED',
        'This sign-in took too long or was used already. Start again.',
      );
    const found = await providerById(deps.db, login.providerId);
    if (!found) throw new DomainError('UNAUTHENTICATED', 'The identity provider is no longer set up.');
    const config = await reach(() =>
      configurationOf(found.provider, deps.config.allowPrivateOidcIssuers === true),
    );
    let identity: Identity;
    try {
      const tokens = await client.authorizationCodeGrant(config, new URL(input.callbackUrl), {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      const info =
        typeof claims.email === 'string'
          ? claims
          : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      identity = {
        subject: claims.sub,
        email: typeof info.email === 'string' ? info.email : null,
        emailVerified: info.email_verified === true,
        name: typeof info.name === 'string' ? info.name : '',
      };
    } catch (error) {
      await writeAudit(deps.db, {
        tenantId: found.tenant.id,
        actorUserId: null,
        actorLabel: found.provider.name,
        action: 'session.failed',
        details: { via: 'oidc', provider: found.provider.id, reason: shortReason(error) },
        ip: input.ip,
      });
      throw new DomainError('UNAUTHENTICATED', 'The identity provider did not confirm the sign-in.');
    }
    const session = await signInWithIdentity(deps, found, identity, input);
    return { ...session, returnTo: login.returnTo ?? '/' };
  },
});

async function reach<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    console.error('OIDC provider not reachable:', error);
    throw new DomainError('INVALID_STATE', 'The identity provider cannot be reached. Try again later.');
  }
}

/**
 * A short, fixed-form reason for the audit log: the error's code or class name, never its message,
 * which may quote what an internal server answered.
 */
export function shortReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,60}$/.test(code)) return code;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[A-Za-z0-9_]{1,60}$/.test(name) ? name : 'error';
}
