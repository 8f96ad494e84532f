import * as client from 'openid-client';
import type { OidcProviderRow } from '../../db/repositories/oidc.ts';
import { guardedFetch } from './guarded-fetch.ts';
import { issuerProblem } from './issuer-url.ts';

/** Discovered provider configurations, kept an hour (keys and endpoints rarely change). */
const cache = new Map<string, { config: client.Configuration; until: number }>();
const cacheMs = 60 * 60 * 1000;

/**
 * The openid-client configuration of a provider: a confidential client (client_secret_basic) when
 * a secret is stored, else a public client that relies on PKCE alone.
 */
export async function configurationOf(
  provider: OidcProviderRow,
  allowPrivateIssuers: boolean,
): Promise<client.Configuration> {
  const key = `${provider.id}:${provider.issuer}:${provider.clientId}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.config;
  const issuer = new URL(provider.issuer);
  // Checked again here: a provider stored before the setting changed is not fetched either.
  if (issuerProblem(issuer, allowPrivateIssuers)) throw new Error('issuer not allowed');
  // Every request of this configuration (discovery, keys, token) connects only to addresses that
  // were resolved and checked: no private address behind a public-looking name (issue 15).
  const fetchChecked = guardedFetch(allowPrivateIssuers) as client.CustomFetch;
  const config = await client.discovery(
    issuer,
    provider.clientId,
    provider.clientSecret ?? undefined,
    provider.clientSecret ? client.ClientSecretBasic(provider.clientSecret) : client.None(),
    {
      [client.customFetch]: fetchChecked,
      timeout: 10,
      ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
  cache.set(key, { config, until: Date.now() + cacheMs });
  return config;
}

export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/v1/oidc/callback`;
}
