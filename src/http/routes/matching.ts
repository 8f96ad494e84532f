import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  fittingSuppliers,
  getStrengths,
  rankedNeeds,
  updateStrengths,
} from '../../app/marketplace/matching.ts';
import { execute } from '../../app/use-case.ts';
import { matchPoints } from '../../domain/matching.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, jsonBody } from '../openapi.ts';
import { NeedKindSchema, NeedSchema, responses, ThemeSchema } from './marketplace.ts';

const tags = ['Marketplace'];
const rules = Object.keys(matchPoints) as [keyof typeof matchPoints, ...(keyof typeof matchPoints)[]];

const ReasonSchema = z
  .object({
    rule: z.enum(rules).openapi({
      description: `kind ${matchPoints.kind}, expertise ${matchPoints.expertise}, capacity ${matchPoints.capacity}, theme ${matchPoints.theme}, targetGroup ${matchPoints.targetGroup} points`,
    }),
    points: z.number().int(),
    matched: z
      .array(z.string())
      .openapi({ description: 'What matched: a kind, keywords, themes or target groups' }),
  })
  .openapi('MatchReason');

const match = {
  score: z.number().int().openapi({ description: 'The sum of the points of the reasons' }),
  fits: z.boolean().openapi({ description: 'Whether anything fits (score above 0)' }),
  reasons: z.array(ReasonSchema),
};

const capacity = z
  .number()
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1000000')
  .refine((v) => /^-?\d+(\.\d{1,2})?$/.test(String(v)), 'must have at most 2 decimals');
const units = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1000000');

const StrengthsInputSchema = z
  .object({
    kinds: z.array(NeedKindSchema).max(4).openapi({ description: 'What the supplier can offer' }),
    expertise: z
      .array(z.string().max(100))
      .max(30)
      .openapi({ description: 'Keywords of the expertise it offers hours of' }),
    hoursCapacity: capacity.nullable().optional().openapi({ description: 'Hours it can offer' }),
    goodsCapacity: units.nullable().optional().openapi({ description: 'Units of goods it can offer' }),
    moneyCapacityCents: CentsSchema.min(0, 'must not be negative')
      .max(100_000_000_000, 'amount too large')
      .nullable()
      .optional(),
    placesCapacity: units.nullable().optional().openapi({ description: 'Places it can offer' }),
    themes: z.array(ThemeSchema).max(6),
    targetGroups: z.array(z.string().max(100)).max(20),
    description: z.string().max(2000).optional(),
  })
  .openapi('SupplierStrengthsInput');

const StrengthsSchema = z
  .object({
    supplierId: z.string(),
    kinds: z.array(NeedKindSchema),
    expertise: z.array(z.string()),
    hoursCapacity: z.number().nullable(),
    goodsCapacity: z.number().int().nullable(),
    moneyCapacityCents: CentsSchema.nullable(),
    placesCapacity: z.number().int().nullable(),
    themes: z.array(ThemeSchema),
    targetGroups: z.array(z.string()),
    description: z.string(),
    updatedAt: z
      .string()
      .nullable()
      .openapi({ format: 'date-time', description: 'null: nothing stated yet' }),
  })
  .openapi('SupplierStrengths');

const page = {
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Page size, 1–100 (20)' }),
  cursor: z.string().max(500).optional().openapi({ description: 'From `nextCursor` of the page before' }),
};
const nextCursor = z.string().optional().openapi({ description: 'Where the next page starts' });

const RankedNeedSchema = z
  .object({
    need: NeedSchema,
    initiativeId: z.string(),
    initiativeName: z.string(),
    themes: z.array(ThemeSchema),
    targetGroups: z.array(z.string()),
    ...match,
  })
  .openapi('RankedNeed');

const FittingSupplierSchema = z
  .object({
    supplierId: z.string(),
    supplierName: z.string(),
    kinds: z.array(NeedKindSchema),
    expertise: z.array(z.string()),
    description: z.string(),
    ...match,
  })
  .openapi('FittingSupplier');

const NeedParamSchema = IdParamSchema.extend({
  needId: z
    .string()
    .max(100)
    .openapi({ param: { name: 'needId', in: 'path' }, example: '6f1c2f9e-0000-4000-8000-000000000002' }),
});

const routes = {
  getStrengths: createRoute({
    method: 'get',
    path: '/suppliers/{id}/strengths',
    tags,
    summary: 'What a supplier can offer and the themes and target groups it has an affinity with',
    request: { params: IdParamSchema },
    responses: responses(StrengthsSchema, 'The strengths (empty when none stated)'),
  }),
  putStrengths: createRoute({
    method: 'put',
    path: '/suppliers/{id}/strengths',
    tags,
    summary: 'The supplier states its strengths (replaced as a whole)',
    request: { params: IdParamSchema, body: jsonBody(StrengthsInputSchema) },
    responses: responses(StrengthsSchema, 'The saved strengths'),
  }),
  needs: createRoute({
    method: 'get',
    path: '/needs',
    tags,
    summary: "Open needs of approved initiatives, best fit for the supplier's strengths first, with reasons",
    request: { query: z.object(page) },
    responses: responses(
      z.object({ items: z.array(RankedNeedSchema), nextCursor }),
      'The needs by score, then initiative name',
    ),
  }),
  suppliers: createRoute({
    method: 'get',
    path: '/initiatives/{id}/needs/{needId}/suppliers',
    tags,
    summary: 'Suppliers whose strengths fit this need, best first, with reasons',
    request: { params: NeedParamSchema, query: z.object(page) },
    responses: responses(
      z.object({ need: NeedSchema, items: z.array(FittingSupplierSchema), nextCursor }),
      'The fitting suppliers by score, then name',
    ),
  }),
};

export function matchingRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(routes.getStrengths, async (c) =>
    c.json(
      await execute(getStrengths, c.var.deps, c.var.actor, { supplierId: c.req.valid('param').id }),
      200,
    ),
  );
  api.openapi(routes.putStrengths, async (c) =>
    c.json(
      await execute(updateStrengths, c.var.deps, c.var.actor, {
        supplierId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
      200,
    ),
  );
  api.openapi(routes.needs, async (c) =>
    c.json(await execute(rankedNeeds, c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  api.openapi(routes.suppliers, async (c) => {
    const { id, needId } = c.req.valid('param');
    const input = { initiativeId: id, needId, ...c.req.valid('query') };
    return c.json(await execute(fittingSuppliers, c.var.deps, c.var.actor, input), 200);
  });
}
