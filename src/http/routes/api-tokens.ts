import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/identity/api-tokens.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { emptyResponse, errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../openapi.ts';

const dateTime = () => z.string().openapi({ format: 'date-time' });
const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    userEmail: z.string(),
    createdAt: dateTime(),
    lastUsedAt: dateTime().nullable(),
    revokedAt: dateTime().nullable(),
  })
  .openapi('ApiToken');

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api-tokens',
    tags: ['API tokens'],
    summary: 'Create an API token acting as you in this municipality (the token is shown once)',
    request: {
      body: jsonBody(z.object({ name: z.string().min(1).max(100) }).openapi('ApiTokenInput')),
    },
    responses: {
      201: jsonResponse(
        z.object({ id: z.string(), name: z.string(), token: z.string() }).openapi('ApiTokenCreated'),
        'Created',
      ),
      ...errorResponses,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api-tokens',
    tags: ['API tokens'],
    summary: 'API tokens, with when each was last used (never the secret)',
    responses: {
      200: jsonResponse(z.object({ items: z.array(TokenSchema) }).openapi('ApiTokenList'), 'Tokens'),
      ...errorResponses,
    },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/api-tokens/{id}',
    tags: ['API tokens'],
    summary: 'Revoke an API token',
    request: { params: IdParamSchema },
    responses: { 204: emptyResponse('Revoked'), ...errorResponses },
  }),
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function apiTokenRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(routes.create, async (c) => {
    const row = await execute(createApiToken, c.var.deps, c.var.actor, c.req.valid('json'));
    return c.json({ id: row.id, name: row.name, token: row.token }, 201);
  });
  api.openapi(routes.list, async (c) => {
    const rows = await execute(listApiTokens, c.var.deps, c.var.actor, undefined);
    return c.json(
      {
        items: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          lastUsedAt: iso(r.lastUsedAt),
          revokedAt: iso(r.revokedAt),
        })),
      },
      200,
    );
  });
  api.openapi(routes.revoke, async (c) => {
    await execute(revokeApiToken, c.var.deps, c.var.actor, c.req.valid('param'));
    return c.body(null, 204);
  });
}
