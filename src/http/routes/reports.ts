import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { answerActivity } from '../../app/lifecycle/answer-activity.ts';
import { previewActivity, recordActivity } from '../../app/lifecycle/record-activity.ts';
import { correctReport, deleteActivity, submitReport } from '../../app/lifecycle/report-flow.ts';
import { getReport, listActivities, listReports } from '../../app/lifecycle/reports.ts';
import { verifyActivity } from '../../app/lifecycle/verify-activity.ts';
import { exportActivities } from '../../app/lifecycle/activity-export.ts';
import { execute } from '../../app/use-case.ts';
import { activityTable } from '../../export/tables.ts';
import { downloadLanguage, downloadTables, exportQuery, jsonOrFile } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import {
  CentsSchema,
  emptyResponse,
  errorResponses,
  IdParamSchema,
  IsoDateSchema,
  jsonResponse,
} from '../openapi.ts';
import {
  PeriodSchema,
  QuantityFields,
  RealDateSchema,
  TargetGroupInputFields,
  ValuationSchema,
} from '../schemas/lifecycle.ts';

const { 400: e400, 401: e401, 403: e403, 404: e404, 409: e409, 500: e500 } = errorResponses;
const nullableNumber = z.number().nullable();

export const ReportSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    period: z.string().openapi({ example: '2026-H1' }),
    version: z.number().int(),
    current: z.boolean().openapi({ description: 'False for a version replaced by a correction' }),
    status: z.enum(['open', 'submitted', 'closed', 'overdue']),
    dueDate: IsoDateSchema,
    submittedAt: z.string().nullable().openapi({ format: 'date-time' }),
    closedAt: z.string().nullable().openapi({ format: 'date-time' }),
    revision: z.number().int(),
  })
  .openapi('Report');

export const ActivitySchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    reportId: z.string(),
    period: z.string(),
    typeCode: z.string(),
    category: z.string(),
    method: z.string(),
    fte: nullableNumber,
    months: nullableNumber,
    units: nullableNumber,
    hours: nullableNumber,
    amountCents: CentsSchema.nullable(),
    validFrom: IsoDateSchema.nullable(),
    validTo: IsoDateSchema.nullable(),
    startDate: IsoDateSchema.nullable().openapi({ description: 'When the activity started' }),
    endDate: IsoDateSchema.nullable().openapi({ description: 'When the activity ended' }),
    candidate: z
      .object({
        code: z.string(),
        targetGroup: z.string().nullable(),
        startDate: IsoDateSchema.nullable(),
        endDate: IsoDateSchema.nullable(),
        hoursPerWeek: nullableNumber,
      })
      .nullable(),
    targetGroup: z.string().nullable().openapi({ description: 'targetGroupYear: the candidate’s group' }),
    hoursPerWeek: nullableNumber.openapi({ description: 'targetGroupYear: hours a week' }),
    bonuses: z.array(z.string()).nullable().openapi({ description: 'targetGroupYear: bonus codes' }),
    countedMonths: nullableNumber.openapi({
      description: 'targetGroupYear: the months that count; past the group’s cap they stay on record at €0',
    }),
    description: z.string(),
    valueCents: CentsSchema,
    valuation: ValuationSchema,
    verification: z.enum(['pending', 'accepted', 'rejected', 'moreInfo']),
    verificationReason: z.string().nullable(),
    verifiedAt: z.string().nullable().openapi({ format: 'date-time' }),
    supplierReply: z
      .string()
      .nullable()
      .openapi({ description: 'The supplier’s answer when the advisor asked for more' }),
    repliedAt: z.string().nullable().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    pledge: z.object({ id: z.string(), initiativeName: z.string() }).nullable().optional().openapi({
      description:
        'The confirmed marketplace pledge this activity came from: it counts as realised from the confirmation, before its report is submitted',
    }),
  })
  .openapi('Activity');

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

/** Activities let through without evidence (their type does not require it): a warning. */
const EvidenceWarningsSchema = z
  .array(z.object({ activityId: z.string(), typeCode: z.string() }).openapi('EvidenceWarning'))
  .openapi({
    description: 'Activities without evidence that were let through (their type does not require it)',
  });

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

const VerificationInputSchema = z
  .object({
    decision: z.enum(['accepted', 'rejected', 'moreInfo']),
    reason: z.string().max(2000).optional(),
    change: z.boolean().optional().openapi({
      description:
        'Set to change an earlier accept or reject of this activity (a reason is then required); without it a second decision answers 409',
    }),
  })
  .openapi('VerificationInput');

const AnswerInputSchema = z
  .object({
    reply: z.string().max(4000).optional(),
    evidenceIds: z
      .array(z.string())
      .max(20)
      .optional()
      .openapi({ description: 'Evidence of this activity uploaded as (part of) the answer' }),
  })
  .openapi('AnswerInput');

const reportParam = { params: IdParamSchema };

const listReportsRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/reports',
  tags: ['Reports'],
  summary: 'The semi-annual reports of a contract (all versions)',
  request: reportParam,
  responses: {
    200: jsonResponse(z.object({ items: z.array(ReportSchema) }).openapi('ReportList'), 'Reports'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    500: e500,
  },
});

const getReportRoute = createRoute({
  method: 'get',
  path: '/reports/{id}',
  tags: ['Reports'],
  summary: 'One report with its activities and their valuations',
  request: reportParam,
  responses: {
    200: jsonResponse(ReportDetailSchema, 'The report'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    500: e500,
  },
});

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
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    500: e500,
  },
});

const recordRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/activities',
  tags: ['Reports'],
  summary: 'Report a realised activity in a half-year; valued by the contract’s policy version',
  request: {
    params: IdParamSchema,
    body: { required: true, content: { 'application/json': { schema: ActivityInputSchema } } },
  },
  responses: {
    201: jsonResponse(ActivitySchema, 'Recorded, with its valuation'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/valuations',
  tags: ['Reports'],
  summary: 'The valuation an activity would get (every check of reporting it), nothing saved',
  request: {
    params: IdParamSchema,
    body: { required: true, content: { 'application/json': { schema: ActivityInputSchema } } },
  },
  responses: {
    200: jsonResponse(ValuationSchema, 'The value it would get and why'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/activities/{id}',
  tags: ['Reports'],
  summary: 'Remove an activity (and its evidence) while its report is open',
  request: reportParam,
  responses: {
    204: emptyResponse('Removed'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/reports/{id}/submission',
  tags: ['Reports'],
  summary: 'Submit a half-year report for verification (supplier)',
  request: reportParam,
  responses: {
    200: jsonResponse(
      ReportSchema.extend({ evidenceWarnings: EvidenceWarningsSchema }).openapi('SubmittedReport'),
      'Submitted (or closed at once when empty); 409 when an activity lacks evidence its type requires',
    ),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/activities/{id}/verification',
  tags: ['Reports'],
  summary: 'Accept, reject or ask more about an activity (advisor); the report closes when all are decided',
  request: {
    params: IdParamSchema,
    body: { required: true, content: { 'application/json': { schema: VerificationInputSchema } } },
  },
  responses: {
    200: jsonResponse(
      z
        .object({ activity: ActivitySchema, report: ReportSchema, evidenceWarnings: EvidenceWarningsSchema })
        .openapi('VerificationResult'),
      'Decided; 409 when accepting an activity without the evidence its type requires',
    ),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/activities/{id}/answer',
  tags: ['Reports'],
  summary:
    'Answer the advisor’s request for more information (supplier): a reply and/or evidence; the activity awaits a decision again',
  request: {
    params: IdParamSchema,
    body: { required: true, content: { 'application/json': { schema: AnswerInputSchema } } },
  },
  responses: {
    200: jsonResponse(ActivitySchema, 'Answered; the advisor is mailed'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

const correctRoute = createRoute({
  method: 'post',
  path: '/reports/{id}/corrections',
  tags: ['Reports'],
  summary: 'Correct a closed report: a new open version with copies of its activities',
  request: reportParam,
  responses: {
    201: jsonResponse(ReportSchema, 'The new version'),
    400: e400,
    401: e401,
    403: e403,
    404: e404,
    409: e409,
    500: e500,
  },
});

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
  api.openapi(submitRoute, async (c) =>
    c.json(await execute(submitReport, c.var.deps, c.var.actor, { reportId: c.req.valid('param').id }), 200),
  );
  api.openapi(verifyRoute, async (c) => {
    const input = { activityId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(verifyActivity, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(answerRoute, async (c) => {
    const input = { activityId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(answerActivity, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(correctRoute, async (c) =>
    c.json(await execute(correctReport, c.var.deps, c.var.actor, { reportId: c.req.valid('param').id }), 201),
  );
}
