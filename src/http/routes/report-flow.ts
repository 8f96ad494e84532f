import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { answerActivity } from '../../app/lifecycle/answer-activity.ts';
import { correctReport, submitReport } from '../../app/lifecycle/report-flow.ts';
import { verifyActivity } from '../../app/lifecycle/verify-activity.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { IdParamSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import { ActivitySchema, ReportSchema } from '../schemas/report.ts';

/** Activities let through without evidence (their type does not require it): a warning. */
const EvidenceWarningsSchema = z
  .array(z.object({ activityId: z.string(), typeCode: z.string() }).openapi('EvidenceWarning'))
  .openapi({
    description: 'Activities without evidence that were let through (their type does not require it)',
  });

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

const submitRoute = createRoute({
  method: 'post',
  path: '/reports/{id}/submission',
  tags: ['Reports'],
  summary: 'Submit a half-year report for verification (supplier)',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(
      ReportSchema.extend({ evidenceWarnings: EvidenceWarningsSchema }).openapi('SubmittedReport'),
      'Submitted (or closed at once when empty); 409 when an activity lacks evidence its type requires',
    ),
    ...problems(400, 401, 403, 404, 409),
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/activities/{id}/verification',
  tags: ['Reports'],
  summary: 'Accept, reject or ask more about an activity (advisor); the report closes when all are decided',
  request: {
    params: IdParamSchema,
    body: jsonBody(VerificationInputSchema),
  },
  responses: {
    200: jsonResponse(
      z
        .object({ activity: ActivitySchema, report: ReportSchema, evidenceWarnings: EvidenceWarningsSchema })
        .openapi('VerificationResult'),
      'Decided; 409 when accepting an activity without the evidence its type requires',
    ),
    ...problems(400, 401, 403, 404, 409),
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
    body: jsonBody(AnswerInputSchema),
  },
  responses: {
    200: jsonResponse(ActivitySchema, 'Answered; the advisor is mailed'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const correctRoute = createRoute({
  method: 'post',
  path: '/reports/{id}/corrections',
  tags: ['Reports'],
  summary: 'Correct a closed report: a new open version with copies of its activities',
  request: { params: IdParamSchema },
  responses: {
    201: jsonResponse(ReportSchema, 'The new version'),
    ...problems(400, 401, 403, 404, 409),
  },
});

/**
 * The way of a report after recording: the supplier submits it, the advisor decides each activity
 * (asking more, answered by the supplier), and a closed report is corrected as a new version.
 */
export function reportFlowRoutes(api: OpenAPIHono<HttpEnv>) {
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
