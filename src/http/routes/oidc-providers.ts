import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  createProvider,
  deleteProvider,
  listProviderSettings,
  providerDefaultRoles,
} from '../../app/identity/oidc-providers.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { emptyResponse, IdParamSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';

const ProviderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    issuer: z.string().openapi({ example: 'https://login.voorbeeldstad.nl' }),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    defaultRole: z.enum(providerDefaultRoles).nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('OidcProvider');

const ProviderInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    issuer: z.string().url().max(500),
    clientId: z.string().min(1).max(200),
    clientSecret: z.string().min(1).max(500).optional(),
    defaultRole: z.enum(providerDefaultRoles).nullable().optional(),
  })
  .openapi('OidcProviderInput');

const listRoute = createRoute({
  method: 'get',
  path: '/oidc-providers',
  tags: ['Sessions'],
  summary: "The municipality's single sign-on settings (municipality admin; never the secret)",
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(ProviderSchema) }).openapi('OidcProviderSettings'),
      'Providers',
    ),
    ...problems(400, 401, 403),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/oidc-providers',
  tags: ['Sessions'],
  summary: 'Add an identity provider (redirect URI at the provider: <public URL>/api/v1/oidc/callback)',
  request: { body: jsonBody(ProviderInputSchema) },
  responses: {
    201: jsonResponse(ProviderSchema, 'Added'),
    ...problems(400, 401, 403, 409),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/oidc-providers/{id}',
  tags: ['Sessions'],
  summary: 'Remove an identity provider; accounts and roles stay',
  request: { params: IdParamSchema },
  responses: { 204: emptyResponse('Removed'), ...problems(400, 401, 403, 404) },
});

export function oidcProviderRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(listRoute, async (c) =>
    c.json({ items: await execute(listProviderSettings, c.var.deps, c.var.actor, undefined) }, 200),
  );
  api.openapi(createRouteDef, async (c) =>
    c.json(await execute(createProvider, c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(deleteRoute, async (c) => {
    await execute(deleteProvider, c.var.deps, c.var.actor, c.req.valid('param'));
    return c.body(null, 204);
  });
}
