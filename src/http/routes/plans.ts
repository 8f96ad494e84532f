import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  getPlan,
  listPlanVersions,
  recordIntake,
  reviewPlan,
  savePlan,
  submitPlan,
} from '../../app/lifecycle/plan.ts';
import { getContract } from '../../app/lifecycle/contracts.ts';
import { execute } from '../../app/use-case.ts';
import { writePlanPdf } from '../../export/pdf/plan.ts';
import { planItemsTable } from '../../export/tables.ts';
import { download, downloadLanguage, downloadTables, exportQuery, jsonOrFile } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, IsoDateSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import { QuantityFields, RealDateSchema, TargetGroupInputFields } from '../schemas/lifecycle.ts';

const PlanItemInputSchema = z
  .object({ ...QuantityFields, ...TargetGroupInputFields })
  .openapi('PlanItemInput');

const PlanItemSchema = z
  .object({
    typeCode: z.string(),
    category: z.string(),
    method: z.string(),
    period: z.string(),
    fte: z.number().optional(),
    months: z.number().optional(),
    units: z.number().optional(),
    hours: z.number().optional(),
    amountCents: CentsSchema.optional(),
    validFrom: IsoDateSchema.optional(),
    validTo: IsoDateSchema.optional(),
    targetGroup: z.string().optional(),
    hoursPerWeek: z.number().optional(),
    bonuses: z.array(z.string()).optional(),
    valueCents: CentsSchema,
    ruleId: z.string(),
    explanation: z.string().openapi({ description: 'In the language of Accept-Language (nl or en)' }),
    explanationNl: z
      .string()
      .optional()
      .openapi({ description: 'The explanation in Dutch (absent for items drafted before it existed)' }),
  })
  .openapi('PlanItem');

const PlanVersionSchema = z
  .object({
    diffAgainst: z.number().int().nullable().openapi({ description: 'The version `diff` compares with' }),
    id: z.string(),
    version: z.number().int(),
    items: z.array(PlanItemSchema),
    plannedCents: CentsSchema,
    submittedAt: z.string().openapi({ format: 'date-time' }),
    decision: z.enum(['approved', 'returned']).nullable(),
    comment: z.string().nullable(),
    reviewedAt: z.string().nullable().openapi({ format: 'date-time' }),
    diff: z
      .object({
        added: z.array(PlanItemSchema),
        removed: z.array(PlanItemSchema),
        changed: z.array(z.object({ before: PlanItemSchema, after: PlanItemSchema })),
        plannedDeltaCents: z.number().int(),
      })
      .openapi({ description: 'Changes against `diffAgainst` (the previous version by default)' }),
  })
  .openapi('PlanVersion');

const PlanSchema = z
  .object({
    id: z.string().nullable(),
    contractId: z.string(),
    status: z.enum(['none', 'draft', 'submitted', 'approved', 'returned']),
    items: z.array(PlanItemSchema),
    plannedCents: CentsSchema,
    obligationCents: CentsSchema,
    approved: z
      .object({
        version: z.number().int(),
        items: z.array(PlanItemSchema),
        plannedCents: CentsSchema,
        approvedAt: z.string().nullable().openapi({ format: 'date-time' }),
      })
      .nullable()
      .openapi({
        description:
          'The approved version in force (what progress counts); status, items and plannedCents above are the working copy, which may be a newer draft',
      }),
    intake: z
      .object({
        date: IsoDateSchema,
        notes: z.string(),
        agreedDirection: z.string(),
        recordedAt: z.string().openapi({ format: 'date-time' }),
      })
      .nullable(),
    versions: z.array(PlanVersionSchema),
  })
  .openapi('Plan');

const planResponses = (description: string) => ({
  200: jsonResponse(PlanSchema, description),
  ...problems(400, 401, 403, 404, 409),
});

const intakeRoute = createRoute({
  method: 'put',
  path: '/contracts/{id}/intake',
  tags: ['Plans'],
  summary: 'Record the intake conversation (advisor; plan regime)',
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .object({
          date: RealDateSchema,
          notes: z.string().max(10_000).optional(),
          agreedDirection: z.string().max(10_000).optional(),
        })
        .openapi('IntakeInput'),
    ),
  },
  responses: planResponses('The plan with the intake'),
});

const getPlanRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/plan',
  tags: ['Plans'],
  summary:
    'The social return plan of a contract (plan regime); ?format=pdf is the plan of approach as a tagged PDF, csv|xlsx its items',
  request: { params: IdParamSchema, query: z.object(exportQuery(['pdf', 'csv', 'xlsx'])) },
  responses: {
    ...planResponses('The plan'),
    200: jsonOrFile(PlanSchema, 'The plan', ['pdf', 'csv', 'xlsx']),
  },
});

const savePlanRoute = createRoute({
  method: 'put',
  path: '/contracts/{id}/plan',
  tags: ['Plans'],
  summary: 'Save the draft plan (supplier): catalogue activities with planned quantities and periods',
  request: {
    params: IdParamSchema,
    body: jsonBody(z.object({ items: z.array(PlanItemInputSchema).max(500) }).openapi('PlanInput')),
  },
  responses: planResponses('The saved draft, each item valued'),
});

const submitPlanRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/plan/submission',
  tags: ['Plans'],
  summary: 'Submit the draft plan for review (supplier); a new version is kept',
  request: { params: IdParamSchema },
  responses: planResponses('Submitted'),
});

const reviewPlanRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/plan/review',
  tags: ['Plans'],
  summary: 'Approve the submitted plan or return it with a comment (advisor)',
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .object({ decision: z.enum(['approved', 'returned']), comment: z.string().max(10_000).optional() })
        .openapi('PlanReviewInput'),
    ),
  },
  responses: planResponses('Reviewed'),
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/plan/versions',
  tags: ['Plans'],
  summary:
    'Every submitted plan version, each with its changes against the previous one (or version `against`)',
  request: {
    params: IdParamSchema,
    query: z.object({
      against: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'Compare every version with this version instead of the previous one' }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(PlanVersionSchema) }).openapi('PlanVersionList'), 'Versions'),
    ...problems(400, 401, 403, 404, 409),
  },
});

export function planRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(intakeRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(recordIntake, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(getPlanRoute, async (c) => {
    const { format, lang } = c.req.valid('query');
    const contractId = c.req.valid('param').id;
    const plan = await execute(getPlan, c.var.deps, c.var.actor, { contractId });
    if (format === undefined || format === 'json') return c.json(plan, 200);
    const contract = await execute(getContract, c.var.deps, c.var.actor, { id: contractId });
    const language = downloadLanguage(c, lang);
    const name = `plan-${contract.reference}`;
    if (format === 'pdf')
      return download(c, 'pdf', name, (out) => writePlanPdf(contract, plan, language, out)) as never;
    const tables = [
      planItemsTable(plan.items, { nl: 'Plan', en: 'Plan' }),
      ...(plan.approved && format === 'xlsx'
        ? [
            planItemsTable(plan.approved.items, {
              nl: `Goedgekeurd (versie ${plan.approved.version})`,
              en: `Approved (version ${plan.approved.version})`,
            }),
          ]
        : []),
    ];
    return downloadTables(c, format, language, name, tables) as never;
  });
  api.openapi(savePlanRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(savePlan, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(submitPlanRoute, async (c) =>
    c.json(await execute(submitPlan, c.var.deps, c.var.actor, { contractId: c.req.valid('param').id }), 200),
  );
  api.openapi(reviewPlanRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(reviewPlan, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(versionsRoute, async (c) => {
    const items = await execute(listPlanVersions, c.var.deps, c.var.actor, {
      contractId: c.req.valid('param').id,
      against: c.req.valid('query').against,
    });
    return c.json({ items }, 200);
  });
}
