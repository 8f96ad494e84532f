import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { acceptReport } from '../../app/lifecycle/accept-report.ts';
import { execute } from '../../app/use-case.ts';
import { workQueue } from '../../app/work/work-queue.ts';
import type { HttpEnv } from '../env.ts';
import { IdParamSchema, IsoDateSchema, jsonResponse, problems } from '../openapi.ts';
import { ReportSchema } from '../schemas/report.ts';

const QueueItemSchema = z.object({
  contractId: z.string(),
  contractReference: z.string(),
  contractTitle: z.string(),
  supplierName: z.string(),
  reportId: z.string().nullable(),
  period: z.string().nullable(),
  date: IsoDateSchema.nullable().openapi({
    description: 'What matters for the kind: a due date, a submission date, a contract end date',
  }),
  activities: z.number().int().openapi({ description: 'Activities concerned (to verify, answered, asked)' }),
});

const QueueGroupSchema = z
  .object({
    kind: z.enum([
      'toVerify',
      'answered',
      'toReview',
      'overdue',
      'behind',
      'due',
      'questions',
      'returnedPlans',
      'toEvaluate',
    ]),
    count: z.number().int().openapi({ description: 'All of this kind' }),
    items: z.array(QueueItemSchema).openapi({ description: 'The first 20, most urgent first' }),
  })
  .openapi('WorkQueueGroup');

const queueRoute = createRoute({
  method: 'get',
  path: '/work-queue',
  tags: ['Work'],
  summary: 'What waits for me: per role the work with counts and the first items',
  responses: {
    200: jsonResponse(z.object({ items: z.array(QueueGroupSchema) }).openapi('WorkQueue'), 'The queue'),
    ...problems(400, 401, 403),
  },
});

const acceptRoute = createRoute({
  method: 'post',
  path: '/reports/{id}/acceptance',
  tags: ['Reports'],
  summary:
    'Accept every activity of a submitted report that waits for a decision (advisor); 409 when one has no evidence',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(
      z.object({ report: ReportSchema, accepted: z.number().int() }).openapi('AcceptAllResult'),
      'Accepted; the report closes when nothing is left open',
    ),
    ...problems(400, 401, 403, 404, 409),
  },
});

export function workRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(queueRoute, async (c) => c.json(await execute(workQueue, c.var.deps, c.var.actor, {}), 200));
  api.openapi(acceptRoute, async (c) =>
    c.json(await execute(acceptReport, c.var.deps, c.var.actor, { reportId: c.req.valid('param').id }), 200),
  );
}
