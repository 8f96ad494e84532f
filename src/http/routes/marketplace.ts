import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { decidePledge, listPledgesOf, pledgeContribution } from '../../app/marketplace/pledges.ts';
import {
  browseInitiatives,
  getInitiative,
  getMyInitiative,
  reviewInitiative,
  saveMyInitiative,
  submitMyInitiative,
} from '../../app/marketplace/profile.ts';
import { execute } from '../../app/use-case.ts';
import {
  needKinds,
  needStatuses,
  pledgeKinds,
  pledgeStatuses,
  profileStatuses,
  themes,
} from '../../domain/marketplace.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import { AmountSchema, PeriodSchema } from '../schemas/lifecycle.ts';

export const ThemeSchema = z.enum(themes).openapi({ description: 'Social domain theme (domain.md §5)' });
export const NeedKindSchema = z.enum(needKinds);
const twoDecimals = (v: number) => /^\d+(\.\d{1,2})?$/.test(String(v));
const PositiveQuantity = z
  .number()
  .positive('must be more than 0')
  .max(1_000_000, 'must be at most 1000000')
  .refine(twoDecimals, 'must have at most 2 decimals');

const NeedInputSchema = z
  .object({
    id: z.string().max(100).optional().openapi({
      description: 'A need saved before (kept in place, pledges refer to it); without an id the need is new',
    }),
    status: z.enum(needStatuses).optional().openapi({ description: 'open (default) or closed' }),
    kind: NeedKindSchema,
    expertise: z.string().max(200).nullable().optional(),
    description: z.string().trim().min(1, 'must not be empty').max(1000),
    quantity: PositiveQuantity.nullable().optional(),
  })
  .openapi('NeedInput');

export const NeedSchema = z
  .object({
    id: z.string(),
    kind: NeedKindSchema,
    expertise: z.string().nullable(),
    description: z.string(),
    quantity: z.number().nullable().openapi({ description: 'Hours, units, or euros for money' }),
    status: z.enum(needStatuses).openapi({ description: 'A closed need takes no new pledges' }),
  })
  .openapi('Need');

const InitiativeSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['initiative', 'socialEnterprise']),
    name: z.string(),
    description: z.string(),
    themes: z.array(ThemeSchema),
    targetGroups: z.array(z.string()),
    location: z.string().nullable(),
    status: z.enum(profileStatuses),
    reviewReason: z.string().nullable(),
    submittedAt: z.string().nullable().openapi({ format: 'date-time' }),
    reviewedAt: z.string().nullable().openapi({ format: 'date-time' }),
    needs: z.array(NeedSchema),
  })
  .openapi('Initiative');

const ProfileInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(5000),
    themes: z.array(ThemeSchema).max(themes.length),
    targetGroups: z.array(z.string().max(100)).max(20),
    location: z.string().max(200).nullable().optional(),
    needs: z.array(NeedInputSchema).max(50),
  })
  .openapi('InitiativeProfileInput');

const PledgeSchema = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    initiativeName: z.string(),
    needId: z.string().nullable().openapi({ description: 'The need it answers (null for older pledges)' }),
    needDescription: z.string().nullable(),
    supplierId: z.string(),
    supplierName: z.string(),
    contractId: z.string(),
    contractReference: z.string(),
    contractTitle: z.string(),
    kind: z.enum(pledgeKinds),
    hours: z.number().nullable(),
    amountCents: CentsSchema.nullable(),
    period: z.string(),
    note: z.string(),
    status: z.enum(pledgeStatuses),
    deliveredHours: z.number().nullable(),
    deliveredAmountCents: CentsSchema.nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: z.string().nullable().openapi({ format: 'date-time' }),
    activityId: z.string().nullable().openapi({ description: 'The activity a confirmed pledge became' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Pledge');

const quantities = {
  hours: PositiveQuantity.optional().openapi({ description: 'Hours (kind hours)' }),
  amountCents: AmountSchema.positive('must be more than 0')
    .optional()
    .openapi({ description: 'Euro cents given, or the value of the goods (kind money, goods)' }),
};

export const responses = <T extends z.ZodType>(schema: T, description: string) => ({
  200: jsonResponse(schema, description),
  ...problems(400, 401, 403, 404, 409),
});

const tags = ['Marketplace'];

const getMineRoute = createRoute({
  method: 'get',
  path: '/initiatives/me',
  tags,
  summary: "The initiative user's own profile and needs, in any status",
  responses: responses(InitiativeSchema, 'The profile'),
});

const saveMineRoute = createRoute({
  method: 'put',
  path: '/initiatives/me',
  tags,
  summary:
    'Edit the own profile and needs (needs with an id change in place; left out: deleted, or closed when pledged)',
  request: { body: jsonBody(ProfileInputSchema) },
  responses: responses(InitiativeSchema, 'The saved profile'),
});

const submitMineRoute = createRoute({
  method: 'post',
  path: '/initiatives/me/submission',
  tags,
  summary: 'Submit the own profile for approval by the municipality',
  responses: responses(InitiativeSchema, 'The submitted profile'),
});

const listRoute = createRoute({
  method: 'get',
  path: '/initiatives',
  tags,
  summary: 'Initiatives of the municipality (suppliers: approved only), filtered by theme and need',
  request: {
    query: z.object({
      theme: ThemeSchema.optional(),
      needKind: NeedKindSchema.optional(),
      status: z.enum(profileStatuses).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional().openapi({
        description: 'A page of this many (1–500, by name) instead of all; `nextCursor` asks for the next',
      }),
      cursor: z.string().max(500).optional().openapi({ description: 'From `nextCursor` of the page before' }),
    }),
  },
  responses: responses(
    z.object({
      items: z.array(InitiativeSchema),
      nextCursor: z.string().optional().openapi({ description: 'Paged answers: where the next page starts' }),
    }),
    'The initiatives, by name',
  ),
});

const getRoute = createRoute({
  method: 'get',
  path: '/initiatives/{id}',
  tags,
  summary: 'One initiative with its needs',
  request: { params: IdParamSchema },
  responses: responses(InitiativeSchema, 'The initiative'),
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/initiatives/{id}/review',
  tags,
  summary: 'Approve or reject a profile (a rejection needs a reason)',
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .object({ decision: z.enum(['approved', 'rejected']), reason: z.string().max(2000).optional() })
        .openapi('InitiativeReviewInput'),
    ),
  },
  responses: responses(InitiativeSchema, 'The reviewed profile'),
});

const pledgeRoute = createRoute({
  method: 'post',
  path: '/initiatives/{id}/pledges',
  tags,
  summary: 'Pledge a contribution to a need of an approved initiative for one of the own contracts',
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .object({
          needId: z.string().max(100).openapi({ description: 'The open need of this initiative it answers' }),
          contractId: z.string(),
          kind: z
            .enum(pledgeKinds)
            .openapi({ description: 'hours, money or goods; a place is pledged as goods' }),
          ...quantities,
          period: PeriodSchema,
          note: z.string().max(2000).optional(),
        })
        .openapi('PledgeInput'),
    ),
  },
  responses: { 201: jsonResponse(PledgeSchema, 'The pledge'), ...problems(400, 401, 403, 404, 409) },
});

const listPledgesRoute = createRoute({
  method: 'get',
  path: '/pledges',
  tags,
  summary: "Pledges: a supplier's own, those made to the initiative, or all of the municipality",
  request: { query: z.object({ status: z.enum(pledgeStatuses).optional() }) },
  responses: responses(z.object({ items: z.array(PledgeSchema) }), 'The pledges, newest first'),
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/pledges/{id}/confirmation',
  tags,
  summary: 'The initiative confirms what was delivered (it becomes an activity) or declines',
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .object({
          decision: z.enum(['confirmed', 'declined']),
          ...quantities,
          note: z.string().max(2000).optional(),
        })
        .openapi('PledgeDecisionInput'),
    ),
  },
  responses: responses(PledgeSchema, 'The decided pledge'),
});

export function marketplaceRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(getMineRoute, async (c) =>
    c.json(await execute(getMyInitiative, c.var.deps, c.var.actor, undefined), 200),
  );
  api.openapi(saveMineRoute, async (c) =>
    c.json(await execute(saveMyInitiative, c.var.deps, c.var.actor, c.req.valid('json')), 200),
  );
  api.openapi(submitMineRoute, async (c) =>
    c.json(await execute(submitMyInitiative, c.var.deps, c.var.actor, undefined), 200),
  );
  api.openapi(listRoute, async (c) =>
    c.json(await execute(browseInitiatives, c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  api.openapi(getRoute, async (c) =>
    c.json(await execute(getInitiative, c.var.deps, c.var.actor, { id: c.req.valid('param').id }), 200),
  );
  api.openapi(reviewRoute, async (c) => {
    const input = { id: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(reviewInitiative, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(pledgeRoute, async (c) => {
    const input = { initiativeId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(pledgeContribution, c.var.deps, c.var.actor, input), 201);
  });
  api.openapi(listPledgesRoute, async (c) =>
    c.json(await execute(listPledgesOf, c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  api.openapi(confirmRoute, async (c) => {
    const input = { id: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(decidePledge, c.var.deps, c.var.actor, input), 200);
  });
}
