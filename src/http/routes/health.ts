import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { HttpEnv } from '../env.ts';
import { errorResponses, jsonResponse } from '../openapi.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Platform'],
  summary: 'Liveness: ok once migrations are done and the database answers',
  responses: { 200: jsonResponse(HealthSchema, 'The app is ready'), 500: errorResponses[500] },
});

export function healthRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(health, async (c) => {
    await c.var.deps.db.execute(sql`select 1`);
    return c.json({ status: 'ok' as const }, 200);
  });
}
