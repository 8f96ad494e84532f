import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedLookup, guardedFetch } from './guarded-fetch.ts';
import type { Resolver } from './issuer-url.ts';

/** Names answered from a table: `idp.test` is this machine's loopback, `public.test` a public address. */
const resolver: Resolver = async (host) => {
  const table: Record<string, string> = { 'idp.test': '127.0.0.1', 'public.test': '93.184.216.34' };
  const address = table[host];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

let server: Server;
let port = 0;
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.headers.host} ${req.url}`);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ issuer: 'http://idp.test' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('single sign-on requests connect only to checked addresses (issue 15)', () => {
  it('connects to the address the checked lookup gave (development: private allowed)', async () => {
    const res = await guardedFetch(true, resolver)(
      `http://idp.test:${port}/.well-known/openid-configuration`,
      {
        method: 'GET',
        headers: { accept: 'application/json' },
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ issuer: 'http://idp.test' });
    expect(seen.at(-1)).toBe(`GET idp.test:${port} /.well-known/openid-configuration`);
  });

  it.each([
    {
      case: 'a name resolving to loopback',
      url: () => `https://idp.test:${port}/`,
      reason: 'resolves to 127.0.0.1',
    },
    {
      case: 'a literal loopback address',
      url: () => `https://127.0.0.1:${port}/`,
      reason: 'not a public address',
    },
    { case: 'plain http', url: () => `http://public.test:${port}/`, reason: 'http:' },
    {
      case: 'a name that does not resolve',
      url: () => `https://gone.test:${port}/`,
      reason: 'does not resolve',
    },
  ])('production: refuses $case before any byte is sent', async ({ url, reason }) => {
    const before = seen.length;
    await expect(guardedFetch(false, resolver)(url())).rejects.toThrow(reason);
    expect(seen.length).toBe(before);
  });

  it('the lookup hands the connection only the checked addresses, in either form Node asks for', async () => {
    const lookup = checkedLookup(false, resolver);
    const one = await new Promise((resolve) =>
      lookup('public.test', {}, (error, address, family) => resolve({ error, address, family })),
    );
    expect(one).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    const all = await new Promise((resolve) =>
      lookup('public.test', { all: true }, (error, addresses) => resolve({ error, addresses })),
    );
    expect(all).toEqual({ error: null, addresses: [{ address: '93.184.216.34', family: 4 }] });
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('idp.test', {}, (error) => resolve(error)),
    );
    expect(refused?.message).toContain('resolves to 127.0.0.1');
  });
});
