import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { signIn } from '../../app/identity/sign-in.ts';
import { actorForSession, signOut, switchTenant, whoAmI } from '../../app/identity/session.ts';
import { sessionPolicy } from '../../app/identity/session-policy.ts';
import { hashSecret } from '../../app/tokens.ts';
import { execute } from '../../app/use-case.ts';
import { roles } from '../../domain/access.ts';
import { clientIp } from '../authenticate.ts';
import type { HttpEnv } from '../env.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import { emptyResponse, errorResponses, jsonBody, jsonResponse } from '../openapi.ts';

const MembershipSchema = z
  .object({
    id: z.string(),
    role: z.enum(roles),
    tenantId: z.string().nullable(),
    tenantSlug: z.string().nullable(),
    tenantName: z.string().nullable(),
    supplierId: z.string().nullable(),
    supplierName: z.string().nullable(),
  })
  .openapi('Membership');

const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() })
  .openapi('User');

const MeSchema = z
  .object({
    user: UserSchema,
    tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    role: z.enum(roles),
    supplierId: z.string().nullable(),
    memberships: z.array(MembershipSchema),
    csrfToken: z
      .string()
      .nullable()
      .openapi({ description: 'Send as X-CSRF-Token on writes with the session cookie' }),
    via: z.enum(['session', 'token']),
  })
  .openapi('Me');

const SignInSchema = z
  .object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) })
  .openapi('SignIn');

const signInRoute = createRoute({
  method: 'post',
  path: '/sessions',
  tags: ['Sessions'],
  summary: 'Sign in with email and password; sets the session cookie',
  request: { body: jsonBody(SignInSchema) },
  responses: {
    201: jsonResponse(
      z
        .object({
          user: UserSchema.extend({
            memberships: z.array(MembershipSchema),
            activeTenantId: z.string().nullable(),
            role: z.enum(roles).nullable(),
          }),
          csrfToken: z.string(),
          memberships: z.array(MembershipSchema),
        })
        .openapi('SignedIn'),
      'Signed in',
    ),
    ...errorResponses,
  },
});

const signOutRoute = createRoute({
  method: 'delete',
  path: '/sessions/current',
  tags: ['Sessions'],
  summary: 'Sign out: ends this session',
  responses: { 204: emptyResponse('Signed out'), ...errorResponses },
});

const switchRoute = (path: '/sessions/current' | '/me/tenant') =>
  createRoute({
    method: 'put',
    path,
    tags: ['Sessions'],
    summary: 'Act in another municipality where you have a role',
    request: {
      body: jsonBody(z.object({ tenantId: z.string().uuid() }).openapi('SwitchTenant')),
    },
    responses: { 200: jsonResponse(MeSchema, 'Now acting in that municipality'), ...errorResponses },
  });

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Sessions'],
  summary: 'Who am I: user, current municipality and role, memberships, CSRF token',
  responses: { 200: jsonResponse(MeSchema, 'The signed-in user'), ...errorResponses },
});

const currentSessionRoute = createRoute({
  method: 'get',
  path: '/sessions/current',
  tags: ['Sessions'],
  summary:
    'The session of this browser, if any: `me` as GET /me answers it, or null when nobody is signed in',
  description:
    'For pages open to anyone: they learn whether someone is signed in without a 401 (which browsers log as an error).',
  responses: {
    200: jsonResponse(z.object({ me: MeSchema.nullable() }).openapi('CurrentSession'), 'The session or null'),
    ...errorResponses,
  },
});

async function presentMe(c: Context<HttpEnv>, csrfToken: string | null) {
  const me = await execute(whoAmI, c.var.deps, c.var.actor, { csrfToken });
  return {
    user: { id: me.user.id, email: me.user.email, name: me.user.name, locale: me.user.locale },
    tenant:
      me.current?.tenantId && me.current.tenantSlug && me.current.tenantName
        ? { id: me.current.tenantId, slug: me.current.tenantSlug, name: me.current.tenantName }
        : null,
    role: me.actor.role,
    supplierId: me.actor.supplierId,
    memberships: me.memberships.map(presentMembership),
    csrfToken: me.csrfToken,
    via: me.actor.via,
  };
}

const presentMembership = (m: Awaited<ReturnType<typeof whoAmI.run>>['memberships'][number]) => ({
  id: m.id,
  role: m.role as (typeof roles)[number],
  tenantId: m.tenantId,
  tenantSlug: m.tenantSlug,
  tenantName: m.tenantName,
  supplierId: m.supplierId,
  supplierName: m.supplierName,
});

export function sessionRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(signInRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const previous = getCookie(c, sessionPolicy.cookieName);
    const result = await execute(signIn, c.var.deps, c.var.actor, {
      email,
      password,
      ip: clientIp(c),
      userAgent: c.req.header('User-Agent') ?? null,
      previousTokenHash: previous ? hashSecret(previous) : undefined,
    });
    setSessionCookie(c, result.token, c.var.deps.config.secure);
    const u = result.user;
    const memberships = result.memberships.map(presentMembership);
    const active = memberships.find((m) => m.id === result.session.membershipId);
    return c.json(
      {
        user: {
          id: u.id,
          email: u.email,
          name: u.name,
          locale: u.locale,
          memberships,
          activeTenantId: result.session.tenantId,
          role: active?.role ?? null,
        },
        csrfToken: result.session.csrfToken,
        memberships,
      },
      201,
    );
  });
  api.openapi(signOutRoute, async (c) => {
    await execute(signOut, c.var.deps, c.var.actor, undefined);
    clearSessionCookie(c, c.var.deps.config.secure);
    return c.body(null, 204);
  });
  for (const path of ['/sessions/current', '/me/tenant'] as const) {
    api.openapi(switchRoute(path), async (c) => {
      await execute(switchTenant, c.var.deps, c.var.actor, c.req.valid('json'));
      // Re-resolve the actor so the answer shows the new municipality.
      const cookie = getCookie(c, sessionPolicy.cookieName) ?? '';
      const found = await actorForSession(c.var.deps, hashSecret(cookie), clientIp(c));
      if (found) c.set('actor', found.actor);
      return c.json(await presentMe(c, c.var.csrfToken), 200);
    });
  }
  api.openapi(meRoute, async (c) => c.json(await presentMe(c, c.var.csrfToken), 200));
  api.openapi(currentSessionRoute, async (c) =>
    c.json({ me: c.var.actor ? await presentMe(c, c.var.csrfToken) : null }, 200),
  );
}
