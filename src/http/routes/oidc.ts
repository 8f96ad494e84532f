import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { beginOidcLogin, finishOidcLogin, listOidcProviders } from '../../app/identity/oidc.ts';
import { sessionPolicy } from '../../app/identity/session-policy.ts';
import { hashSecret } from '../../app/tokens.ts';
import { execute } from '../../app/use-case.ts';
import { DomainError } from '../../domain/errors.ts';
import { clientIp } from '../authenticate.ts';
import type { HttpEnv } from '../env.ts';
import { apiVersionHeader, jsonResponse, problems } from '../openapi.ts';
import { setSessionCookie } from '../session-cookie.ts';

/** The state of the sign-in in flight, so a callback is only accepted in the browser that started it. */
const stateCookie = 'retour_oidc_state';

const redirect = (description: string) => ({
  description,
  headers: {
    ...apiVersionHeader,
    Location: { description: 'Where the browser goes next', schema: { type: 'string' as const } },
  },
});
const SlugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'voorbeeldstad' }),
});

const providersRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/oidc/providers',
  tags: ['Sessions'],
  summary: "A municipality's single sign-on providers, for its sign-in page",
  request: { params: SlugParam },
  responses: {
    200: jsonResponse(
      z
        .object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
        .openapi('OidcProviderList'),
      'Providers (may be empty)',
    ),
    ...problems(400),
  },
});

const loginRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/oidc/login',
  tags: ['Sessions'],
  summary: "Sign in with the municipality's identity provider (authorization code + PKCE)",
  request: {
    params: SlugParam,
    query: z.object({
      provider: z.string().max(100).optional(),
      returnTo: z.string().max(2000).optional().openapi({ description: 'A path on this site' }),
    }),
  },
  responses: { 302: redirect('To the identity provider'), ...problems(400, 404, 409) },
});

const callbackRoute = createRoute({
  method: 'get',
  path: '/oidc/callback',
  tags: ['Sessions'],
  summary: 'Where the identity provider sends the browser back; sets the session cookie',
  request: {
    query: z.object({
      state: z.string().max(200).optional(),
      code: z.string().max(4000).optional(),
      iss: z.string().max(2000).optional(),
      error: z.string().max(200).optional(),
    }),
  },
  responses: {
    302: redirect('Signed in: to returnTo; refused: to /sign-in?error=sso-failed or sso-no-access'),
    ...problems(400),
  },
});

export function oidcRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(providersRoute, async (c) =>
    c.json({ items: await execute(listOidcProviders, c.var.deps, c.var.actor, c.req.valid('param')) }, 200),
  );

  api.openapi(loginRoute, async (c) => {
    const { provider, returnTo } = c.req.valid('query');
    const { url } = await execute(beginOidcLogin, c.var.deps, c.var.actor, {
      slug: c.req.valid('param').slug,
      providerId: provider,
      returnTo,
    });
    // Binds the login to this browser: the callback must come back with the same state cookie.
    setCookie(c, stateCookie, new URL(url).searchParams.get('state') ?? '', {
      httpOnly: true,
      secure: c.var.deps.config.secure,
      sameSite: 'Lax',
      path: '/api/v1/oidc',
      maxAge: 600,
    });
    return c.redirect(url, 302);
  });

  api.openapi(callbackRoute, async (c) => {
    const { deps } = c.var;
    const { state } = c.req.valid('query');
    const url = new URL(c.req.url);
    const callbackUrl = `${deps.config.publicUrl.replace(/\/$/, '')}/api/v1/oidc/callback${url.search}`;
    const previous = getCookie(c, sessionPolicy.cookieName);
    const sameBrowser = Boolean(state) && getCookie(c, stateCookie) === state;
    deleteCookie(c, stateCookie, { path: '/api/v1/oidc', secure: deps.config.secure });
    try {
      if (!sameBrowser)
        throw new DomainError('UNAUTHENTICATED', 'This sign-in was not started in this browser.');
      const result = await execute(finishOidcLogin, deps, c.var.actor, {
        state: state ?? '',
        callbackUrl,
        ip: clientIp(c),
        userAgent: c.req.header('User-Agent') ?? null,
        previousTokenHash: previous ? hashSecret(previous) : undefined,
      });
      setSessionCookie(c, result.token, deps.config.secure);
      return c.redirect(result.returnTo, 302);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return c.redirect(`/sign-in?error=${error.code === 'FORBIDDEN' ? 'sso-no-access' : 'sso-failed'}`, 302);
    }
  });
}
