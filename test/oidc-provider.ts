import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a random port. Its development
 * login form accepts any login; the login is the account id and the email address, verified unless
 * listed in `unverified` (or left out for logins listed in `silent`).
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  unverified?: string[];
  /** Logins whose claims carry no `email_verified` at all. */
  silent?: string[];
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'retour';
  const clientSecret = 'a-client-secret-for-the-tests';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id,
        ...((options.silent ?? []).includes(id)
          ? {}
          : { email_verified: !(options.unverified ?? []).includes(id) }),
        name: `Test ${id}`,
      }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key'] },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A cookie jar per origin and a browser that follows redirects and submits the provider's forms. */
export function browser(local: {
  origin: string;
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}) {
  const jar = new Map<string, Map<string, string>>();
  const history: string[] = [];
  const cookieHeader = (origin: string) =>
    [...(jar.get(origin) ?? new Map<string, string>()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (origin: string, res: Response) => {
    const cookies = jar.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    jar.set(origin, cookies);
  };
  async function go(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, local.origin);
    history.push(target.href);
    const headers = { ...(init.headers as Record<string, string>), Cookie: cookieHeader(target.origin) };
    const res =
      target.origin === local.origin
        ? await local.request(target.pathname + target.search, { ...init, headers })
        : await fetch(target, { ...init, headers, redirect: 'manual' });
    remember(target.origin, res);
    return res;
  }
  return {
    cookie: (origin: string, name: string) => jar.get(origin)?.get(name),
    /** Every URL visited, in order. */
    history,
    go,
    /** Follows redirects and fills in the provider's login and consent forms until back home. */
    async signInAt(startPath: string, login: string): Promise<Response> {
      let res = await go(startPath);
      let from = new URL(startPath, local.origin).href;
      for (let step = 0; step < 20; step++) {
        const location = res.headers.get('Location');
        if (res.status >= 300 && res.status < 400 && location) {
          const next = new URL(location, from);
          if (next.origin === local.origin && !next.pathname.startsWith('/api/v1/oidc/callback')) return res;
          from = next.href;
          res = await go(next.href);
          continue;
        }
        const html = await res.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        if (res.status !== 200 || !action)
          return new Response(html, { status: res.status, headers: res.headers });
        const form = new URLSearchParams();
        for (const m of html.matchAll(/<input[^>]*name="([^"]+)"(?:[^>]*value="([^"]*)")?/g))
          form.set(m[1] ?? '', m[2] ?? '');
        if (form.has('login')) form.set('login', login);
        if (form.has('password')) form.set('password', 'anything');
        from = new URL(action, from).href;
        res = await go(from, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
      }
      throw new Error('too many steps');
    },
  };
}
