/**
 * Where Retour may fetch an identity provider's discovery document from (server-side request
 * forgery guard). In production only https to a public host name or address; plain http,
 * localhost and private, loopback or link-local addresses only when the installation allows it
 * (RETOUR_OIDC_ALLOW_PRIVATE_ISSUERS=1, for development and tests). Host names are not resolved
 * here: a public name that resolves to a private address is a matter for the network's egress rules.
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
