import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { HttpEnv } from '../env.ts';
import { errorResponses, jsonResponse } from '../openapi.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Platform'],
  summary: 'Liveness: ok while the process answers (no database, no sign-in)',
  responses: { 200: jsonResponse(HealthSchema, 'The process is alive') },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Platform'],
  summary: 'Readiness: ok once migrations are done and the database answers',
  responses: { 200: jsonResponse(HealthSchema, 'The app is ready'), 500: errorResponses[500] },
});

const ok = { status: 'ok' as const };

/**
 * Liveness and readiness. They are registered before the text guard, authentication and language
 * middleware, so a load balancer's probe costs no query and no token lookup (issue 14: `/health`
 * under 50 clients within half of a bare hello-world); `/ready` asks the database.
 */
export function healthRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(health, (c) => c.json(ok, 200));
  api.openapi(ready, async (c) => {
    await c.var.deps.db.execute(sql`select 1`);
    return c.json(ok, 200);
  });
}
