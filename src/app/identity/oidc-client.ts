import * as client from 'openid-client';
import type { OidcProviderRow } from '../../db/repositories/oidc.ts';

/** Discovered provider configurations, kept an hour (keys and endpoints rarely change). */
const cache = new Map<string, { config: client.Configuration; until: number }>();
const cacheMs = 60 * 60 * 1000;

/** Plain http is allowed only for a provider on this machine (development and tests). */
const isLoopback = (url: URL) =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * The openid-client configuration of a provider: a confidential client (client_secret_basic) when
 * a secret is stored, else a public client that relies on PKCE alone.
 */
export async function configurationOf(provider: OidcProviderRow): Promise<client.Configuration> {
  const key = `${provider.id}:${provider.issuer}:${provider.clientId}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.config;
  const issuer = new URL(provider.issuer);
  const config = await client.discovery(
    issuer,
    provider.clientId,
    provider.clientSecret ?? undefined,
    provider.clientSecret ? client.ClientSecretBasic(provider.clientSecret) : client.None(),
    isLoopback(issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
  );
  cache.set(key, { config, until: Date.now() + cacheMs });
  return config;
}

export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/v1/oidc/callback`;
}
