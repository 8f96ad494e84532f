import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getReport, listReports } from '../../app/lifecycle/reports.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, jsonResponse, problems } from '../openapi.ts';
import { ActivitySchema, ReportSchema } from '../schemas/report.ts';

const ReportDetailSchema = ReportSchema.extend({
  contract: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  totalCents: CentsSchema,
  activities: z.array(
    ActivitySchema.extend({
      evidenceCount: z.number().int().openapi({ description: 'Evidence files on the activity' }),
      evidenceRequired: z.boolean().openapi({
        description:
          'The contract’s policy requires evidence for this activity type: without it the activity is not submitted or accepted',
      }),
    }).openapi('ReportActivity'),
  ),
}).openapi('ReportDetail');

const listReportsRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/reports',
  tags: ['Reports'],
  summary: 'The semi-annual reports of a contract (all versions)',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(z.object({ items: z.array(ReportSchema) }).openapi('ReportList'), 'Reports'),
    ...problems(400, 401, 403, 404),
  },
});

const getReportRoute = createRoute({
  method: 'get',
  path: '/reports/{id}',
  tags: ['Reports'],
  summary: 'One report with its activities and their valuations',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(ReportDetailSchema, 'The report'),
    ...problems(400, 401, 403, 404),
  },
});

/** Reading reports: the versions of a contract's reports and one report with its activities. */
export function reportRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(listReportsRoute, async (c) => {
    const items = await execute(listReports, c.var.deps, c.var.actor, {
      contractId: c.req.valid('param').id,
    });
    return c.json({ items }, 200);
  });
  api.openapi(getReportRoute, async (c) =>
    c.json(await execute(getReport, c.var.deps, c.var.actor, { reportId: c.req.valid('param').id }), 200),
  );
}
