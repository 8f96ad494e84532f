/**
 * Where Retour may fetch an identity provider's discovery document from (server-side request
 * forgery guard). In production only https to a public host name or address; plain http,
 * localhost and private, loopback or link-local addresses only when the installation allows it
 * (RETOUR_OIDC_ALLOW_PRIVATE_ISSUERS=1, for development and tests). This checks the URL as written;
 * a host name is resolved and its addresses checked when Retour connects (`resolveChecked`,
 * `guarded-fetch.ts`), so a public name that resolves to a private address is refused too.
 */
export function issuerProblem(issuer: URL, allowPrivate: boolean): string | null {
  if (issuer.username || issuer.password) return 'no user or password in the URL';
  if (allowPrivate) return ['https:', 'http:'].includes(issuer.protocol) ? null : 'https only';
  if (issuer.protocol !== 'https:') return 'https only';
  if (isPrivateHost(issuer.hostname)) return 'a public host only (no localhost or private address)';
  return null;
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host.includes(':')) return isPrivateV6(host);
  if (host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return isPrivateV4(v4.slice(1).map(Number));
  // A single-label name (no dot) only resolves on a local network.
  return !host.includes('.');
}

function isPrivateV4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function isPrivateV6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped?.[1]) return isPrivateV4(mapped[1].split('.').map(Number));
  if (/^::ffff:/.test(host)) return true;
  return /^(fc|fd|fe[89ab])/.test(host);
}

/** A DNS lookup: every address of a host name (`dns.promises.lookup(host, { all: true })`). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export type Resolved =
  { ok: true; addresses: { address: string; family: number }[] } | { ok: false; problem: string };

/**
 * The addresses Retour may connect to for `hostname`: all of them when private issuers are
 * allowed; otherwise a refusal when the name does not resolve or any of its addresses is
 * loopback, private, link-local or unique-local (one bad address is enough: a resolver may hand
 * out either, so the name is not trusted at all).
 */
export async function resolveChecked(
  hostname: string,
  allowPrivate: boolean,
  resolve: Resolver,
): Promise<Resolved> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIpLiteral(host)) {
    if (!allowPrivate && isPrivateHost(host))
      return { ok: false, problem: `${host} is not a public address` };
    return { ok: true, addresses: [{ address: host, family: host.includes(':') ? 6 : 4 }] };
  }
  if (!allowPrivate && isPrivateHost(host)) return { ok: false, problem: `${host} is not a public host` };
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, problem: `${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, problem: `${host} does not resolve` };
  if (allowPrivate) return { ok: true, addresses };
  const bad = addresses.find((a) => isPrivateHost(a.address));
  if (bad) return { ok: false, problem: `${host} resolves to ${bad.address}, not a public address` };
  return { ok: true, addresses };
}

/** An IPv4 or IPv6 address rather than a name (brackets removed). */
export function isIpLiteral(host: string): boolean {
  return host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}
