import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { exportActivities } from '../../app/lifecycle/activity-export.ts';
import { previewActivity, recordActivity } from '../../app/lifecycle/record-activity.ts';
import { deleteActivity } from '../../app/lifecycle/report-flow.ts';
import { listActivities } from '../../app/lifecycle/reports.ts';
import { execute } from '../../app/use-case.ts';
import { activityTable } from '../../export/tables.ts';
import { downloadLanguage, downloadTables, exportQuery, jsonOrFile } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import { emptyResponse, IdParamSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import {
  PeriodSchema,
  QuantityFields,
  RealDateSchema,
  TargetGroupInputFields,
  ValuationSchema,
} from '../schemas/lifecycle.ts';
import { ActivitySchema } from '../schemas/report.ts';

const CandidateSchema = z
  .union([
    z.string().max(40),
    z.object({
      code: z.string().max(40),
      targetGroup: z.string().max(100).nullable().optional(),
      startDate: RealDateSchema.nullable().optional(),
      endDate: RealDateSchema.nullable().optional(),
      hoursPerWeek: z.number().nullable().optional().openapi({ description: '> 0 and ≤ 60' }),
    }),
  ])
  .openapi({
    description:
      'Pseudonymised candidate: a code chosen by the supplier (never a BSN or name), with the target group, start and end of the placement and hours per week',
    example: {
      code: 'KAND-0042',
      targetGroup: 'Participatiewet',
      startDate: '2026-01-05',
      endDate: '2026-06-30',
      hoursPerWeek: 32,
    },
  });

const ActivityInputSchema = z
  .object({
    ...QuantityFields,
    candidate: CandidateSchema.optional(),
    ...TargetGroupInputFields,
    description: z.string().max(2000).optional(),
    startDate: RealDateSchema.optional().openapi({
      description: 'When it started; inside the half-year and the term (default: their first day)',
    }),
    endDate: RealDateSchema.optional().openapi({
      description: 'When it ended, not before startDate (default: the last day of half-year and term)',
    }),
  })
  .openapi('ActivityInput');

const listActivitiesRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/activities',
  tags: ['Reports'],
  summary:
    'Activities of a contract in the current report versions; ?format=csv|xlsx downloads them (streamed)',
  request: {
    params: IdParamSchema,
    query: z.object({
      period: PeriodSchema.optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional().openapi({
        description:
          'A page of this many (1–1000) instead of all; `nextCursor` in the answer asks for the next',
      }),
      cursor: z.string().max(500).optional().openapi({ description: 'From `nextCursor` of the page before' }),
      ...exportQuery(['csv', 'xlsx']),
    }),
  },
  responses: {
    200: jsonOrFile(
      z
        .object({
          items: z.array(ActivitySchema),
          nextCursor: z
            .string()
            .optional()
            .openapi({ description: 'Paged answers: where the next page starts' }),
        })
        .openapi('ActivityList'),
      'Activities',
      ['csv', 'xlsx'],
    ),
    ...problems(400, 401, 403, 404),
  },
});

const recordRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/activities',
  tags: ['Reports'],
  summary: 'Report a realised activity in a half-year; valued by the contract’s policy version',
  request: {
    params: IdParamSchema,
    body: jsonBody(ActivityInputSchema),
  },
  responses: {
    201: jsonResponse(ActivitySchema, 'Recorded, with its valuation'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/valuations',
  tags: ['Reports'],
  summary: 'The valuation an activity would get (every check of reporting it), nothing saved',
  request: {
    params: IdParamSchema,
    body: jsonBody(ActivityInputSchema),
  },
  responses: {
    200: jsonResponse(ValuationSchema, 'The value it would get and why'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/activities/{id}',
  tags: ['Reports'],
  summary: 'Remove an activity (and its evidence) while its report is open',
  request: { params: IdParamSchema },
  responses: {
    204: emptyResponse('Removed'),
    ...problems(400, 401, 403, 404, 409),
  },
});

/** Activities of a contract: list or download them, record one, value one without saving, remove one. */
export function activityRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(listActivitiesRoute, async (c) => {
    const { period, format, lang, limit, cursor } = c.req.valid('query');
    const input = { contractId: c.req.valid('param').id, period };
    if (format === 'csv' || format === 'xlsx') {
      // a download holds every row (streamed), whatever the page asked
      const { contract, batches } = await execute(exportActivities, c.var.deps, c.var.actor, input);
      const name = `activities-${contract.reference}${period ? `-${period}` : ''}`;
      return downloadTables(c, format, downloadLanguage(c, lang), name, [activityTable(batches)]) as never;
    }
    return c.json(await execute(listActivities, c.var.deps, c.var.actor, { ...input, limit, cursor }), 200);
  });
  api.openapi(recordRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(recordActivity, c.var.deps, c.var.actor, input), 201);
  });
  api.openapi(previewRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    const v = await execute(previewActivity, c.var.deps, c.var.actor, input);
    return c.json(
      {
        valueCents: v.valueCents,
        ruleId: v.ruleId,
        explanation: v.explanation,
        explanationNl: v.explanationNl,
        ...(v.countedMonths === undefined ? {} : { countedMonths: v.countedMonths }),
      },
      200,
    );
  });
  api.openapi(deleteRoute, async (c) => {
    await execute(deleteActivity, c.var.deps, c.var.actor, { activityId: c.req.valid('param').id });
    return c.body(null, 204);
  });
}
