import { describe, expect, it } from 'vitest';
import { resolveChecked, type Resolver } from './issuer-url.ts';

/** A resolver that answers from a table, like DNS would; unknown names do not resolve. */
const stub =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = stub({
  'login.example.nl': ['93.184.216.34'],
  'login6.example.nl': ['2606:2800:220:1::1'],
  'loopback.example.nl': ['127.0.0.1'],
  'private.example.nl': ['10.0.0.5'],
  'cgnat.example.nl': ['100.64.1.1'],
  'metadata.example.nl': ['169.254.169.254'],
  'ula.example.nl': ['fd12:3456::1'],
  'linklocal6.example.nl': ['fe80::1'],
  'v6loopback.example.nl': ['::1'],
  'mapped.example.nl': ['::ffff:192.168.1.1'],
  'mixed.example.nl': ['93.184.216.34', '192.168.0.10'],
  'nothing.example.nl': [],
});

describe('an issuer host is resolved and every address checked (issue 15)', () => {
  it.each([
    { case: 'a public name', host: 'login.example.nl', ok: true },
    { case: 'a public IPv6 name', host: 'login6.example.nl', ok: true },
    { case: 'a public address written literally', host: '93.184.216.34', ok: true },
    {
      case: 'a name resolving to loopback',
      host: 'loopback.example.nl',
      ok: false,
      problem: 'resolves to 127.0.0.1',
    },
    {
      case: 'a name resolving to a private address',
      host: 'private.example.nl',
      ok: false,
      problem: '10.0.0.5',
    },
    {
      case: 'a name resolving to carrier-grade NAT',
      host: 'cgnat.example.nl',
      ok: false,
      problem: '100.64.1.1',
    },
    {
      case: 'a name resolving to cloud metadata',
      host: 'metadata.example.nl',
      ok: false,
      problem: '169.254.169.254',
    },
    {
      case: 'a name resolving to unique-local IPv6',
      host: 'ula.example.nl',
      ok: false,
      problem: 'fd12:3456::1',
    },
    {
      case: 'a name resolving to link-local IPv6',
      host: 'linklocal6.example.nl',
      ok: false,
      problem: 'fe80::1',
    },
    { case: 'a name resolving to IPv6 loopback', host: 'v6loopback.example.nl', ok: false, problem: '::1' },
    {
      case: 'a name resolving to a mapped private IPv4',
      host: 'mapped.example.nl',
      ok: false,
      problem: '::ffff:192.168.1.1',
    },
    {
      case: 'one private address among public ones',
      host: 'mixed.example.nl',
      ok: false,
      problem: '192.168.0.10',
    },
    { case: 'a name that does not resolve', host: 'gone.example.nl', ok: false, problem: 'does not resolve' },
    { case: 'a name with no addresses', host: 'nothing.example.nl', ok: false, problem: 'does not resolve' },
    { case: 'a literal private address', host: '10.1.2.3', ok: false, problem: 'not a public address' },
    {
      case: 'a literal IPv6 loopback in brackets',
      host: '[::1]',
      ok: false,
      problem: 'not a public address',
    },
    { case: 'localhost (not even looked up)', host: 'localhost', ok: false, problem: 'not a public host' },
  ])('$case → ok: $ok', async ({ host, ok, problem }) => {
    const result = await resolveChecked(host, false, dns);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.problem).toContain(problem);
  });

  it.each([
    { case: 'a name resolving to loopback', host: 'loopback.example.nl', address: '127.0.0.1' },
    { case: 'a name resolving to a private address', host: 'private.example.nl', address: '10.0.0.5' },
    { case: 'localhost as such', host: '127.0.0.1', address: '127.0.0.1' },
  ])('with private issuers allowed (development): $case is fine', async ({ host, address }) => {
    expect(await resolveChecked(host, true, dns)).toEqual({
      ok: true,
      addresses: [expect.objectContaining({ address })],
    });
  });

  it('still refuses a name that does not resolve when private issuers are allowed', async () => {
    expect(await resolveChecked('gone.example.nl', true, dns)).toMatchObject({ ok: false });
  });
});
