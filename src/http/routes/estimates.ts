import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listMunicipalities } from '../../app/policies/list-municipalities.ts';
import { estimateObligation } from '../../app/policies/estimate-obligation.ts';
import { execute } from '../../app/use-case.ts';
import { fulfilmentExamples } from '../../domain/examples.ts';
import {
  targetGroupActivityTypes,
  targetGroupTableNames,
  targetGroupTables,
  type TargetGroupTable,
} from '../../domain/target-group-tables.ts';
import type { Policy } from '../../domain/policy.ts';
import { ActivityTypeSchema, BonusSchema, TargetGroupFields, TargetGroupSchema } from '../schemas/policy.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, errorResponses, IsoDateSchema, jsonBody, jsonResponse } from '../openapi.ts';

const MAX_CENTS = 1_000_000_000_000; // €10 billion: beyond any real contract, and safe for integer maths

const EstimateInputSchema = z
  .object({
    tenant: z
      .string()
      .min(1)
      .openapi({ example: 'voorbeeldstad', description: 'The municipality (its slug)' }),
    contractValueCents: CentsSchema.min(0, 'must not be negative').max(
      MAX_CENTS,
      'must be at most €10 billion',
    ),
    awardDate: IsoDateSchema.optional(),
    kind: z.enum(['works', 'servicesAndSupplies']).optional(),
    startDate: IsoDateSchema.optional().openapi({
      description:
        'Contract start; give it with endDate. Without a term a minimum-term rule of the policy is not applied, only named in the explanation.',
    }),
    endDate: IsoDateSchema.optional().openapi({
      description: 'Contract end (inclusive); give it with startDate.',
    }),
  })
  .openapi('EstimateInput');

const EstimateSchema = z
  .object({
    tenant: z.object({ slug: z.string(), name: z.string() }),
    awardDate: IsoDateSchema,
    policyVersion: z.number().int(),
    obligationCents: CentsSchema,
    regime: z.enum(['none', 'trust', 'plan']),
    explanation: z.string().openapi({ description: 'In the language of Accept-Language (nl or en)' }),
    explanationNl: z.string().openapi({ description: 'The explanation in Dutch' }),
    ruleId: z.string(),
    examples: z.array(
      z.object({
        typeCode: z.string(),
        name: z.string(),
        category: z.string(),
        quantity: z.number(),
        unit: z.string(),
        explanation: z.string().openapi({ description: 'In the language of Accept-Language (nl or en)' }),
        explanationNl: z.string().openapi({ description: 'The example in Dutch' }),
      }),
    ),
    ...TargetGroupFields,
    penaltyFactorBp: z.number().int().optional().openapi({
      description: 'Penalty on the unrealised amount at the end: 15000 = 1.5 ×',
    }),
  })
  .openapi('Estimate');

const estimateRoute = createRoute({
  method: 'post',
  path: '/estimates',
  tags: ['Estimates'],
  summary: "A bidder's estimate of the social return obligation (public, nothing stored)",
  request: {
    headers: z.object({
      'accept-language': z
        .string()
        .optional()
        .openapi({ description: 'nl for explanations in Dutch; anything else gives English' }),
    }),
    body: jsonBody(EstimateInputSchema),
  },
  responses: { 200: jsonResponse(EstimateSchema, 'The estimate'), ...errorResponses },
});

const tablesRoute = createRoute({
  method: 'get',
  path: '/target-group-tables',
  tags: ['Policies'],
  summary: 'Published regional valuation tables ("bouwblokken") a municipality can apply to a policy version',
  responses: {
    200: jsonResponse(
      z
        .object({
          items: z.array(
            z.object({
              code: z.string().openapi({ example: 'oost-nl' }),
              name: z.string(),
              region: z.string(),
              fullTimeHoursPerWeek: z.number().int(),
              targetGroups: z.array(TargetGroupSchema),
              bonuses: z.array(BonusSchema),
              activityTypes: z.array(ActivityTypeSchema).openapi({
                description: 'The targetGroupYear activity types applying the table adds when missing',
              }),
              source: z.object({
                title: z.string(),
                url: z.string(),
                readOn: IsoDateSchema,
                note: z.string(),
              }),
            }),
          ),
        })
        .openapi('TargetGroupTableList'),
      'The tables, each with its source',
    ),
    ...errorResponses,
  },
});

const municipalitiesRoute = createRoute({
  method: 'get',
  path: '/tenants',
  tags: ['Estimates'],
  summary:
    'The municipalities with a policy, by name, to choose one for an estimate or tender advice (public)',
  responses: {
    200: jsonResponse(
      z
        .object({
          items: z.array(
            z
              .object({
                slug: z.string().openapi({ example: 'voorbeeldstad' }),
                name: z.string().openapi({ example: 'Gemeente Voorbeeldstad' }),
              })
              .openapi('Municipality'),
          ),
        })
        .openapi('MunicipalityList'),
      'Every municipality with a policy (a few hundred at most: one page)',
    ),
    ...errorResponses,
  },
});

export function estimateRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(municipalitiesRoute, async (c) =>
    c.json(await execute(listMunicipalities, c.var.deps, c.var.actor, undefined), 200),
  );
  api.openapi(tablesRoute, (c) =>
    c.json(
      {
        items: targetGroupTableNames.map((code) => ({
          code,
          ...(targetGroupTables[code] as TargetGroupTable),
          activityTypes: [...targetGroupActivityTypes],
        })),
      },
      200,
    ),
  );
  api.openapi(estimateRoute, async (c) => {
    const r = await execute(estimateObligation, c.var.deps, c.var.actor, c.req.valid('json'));
    return c.json(
      {
        tenant: { slug: r.tenant.slug, name: r.tenant.name },
        awardDate: r.awardDate,
        policyVersion: r.policyVersion,
        obligationCents: r.obligation.amountCents,
        regime: r.obligation.regime,
        explanation: r.obligation.explanation,
        explanationNl: r.obligation.explanationNl,
        ruleId: r.obligation.ruleId,
        examples: fulfilmentExamples(r.policy, r.obligation.amountCents),
        // what a person of each target group is worth per full-time year (domain.md §11)
        ...targetGroupFieldsOf(r.policy),
        ...(r.policy.penaltyFactorBp === undefined ? {} : { penaltyFactorBp: r.policy.penaltyFactorBp }),
      },
      200,
    );
  });
}

/** The target-group fields of a policy, those it has. */
function targetGroupFieldsOf(p: Policy) {
  return {
    ...(p.targetGroups ? { targetGroups: p.targetGroups } : {}),
    ...(p.bonuses ? { bonuses: p.bonuses } : {}),
    ...(p.fullTimeHoursPerWeek !== undefined ? { fullTimeHoursPerWeek: p.fullTimeHoursPerWeek } : {}),
    ...(p.minHoursPerWeek !== undefined ? { minHoursPerWeek: p.minHoursPerWeek } : {}),
    ...(p.targetGroupSource ? { targetGroupSource: p.targetGroupSource } : {}),
  };
}
