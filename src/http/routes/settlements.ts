import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getSettlement, settleContract } from '../../app/lifecycle/settlement.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, IsoDateSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import { AmountSchema } from '../schemas/lifecycle.ts';

const DecisionSchema = z.enum(['impose', 'reduce', 'waive']).openapi({
  description:
    'impose the computed penalty, reduce it (penaltyCents lower, with the reason in note), or waive it',
});

const SettlementInputSchema = z
  .object({
    decision: DecisionSchema,
    penaltyCents: AmountSchema.optional().openapi({ description: 'The reduced penalty (reduce only)' }),
    note: z.string().min(1).max(4000).openapi({ description: 'Why: kept with the contract' }),
    carryOver: z
      .object({
        contractId: z.string().min(1),
        amountCents: AmountSchema,
        reason: z.string().min(1).max(2000),
      })
      .optional()
      .openapi({
        description: 'A surplus carried over to another contract of the same supplier, explicitly',
      }),
  })
  .openapi('SettlementInput');

export const SettlementSchema = z
  .object({
    contractId: z.string(),
    decidedOn: IsoDateSchema,
    decision: DecisionSchema,
    obligationCents: CentsSchema,
    verifiedCents: CentsSchema.openapi({
      description: 'Verified value after caps on the day of the decision',
    }),
    carriedInCents: CentsSchema.openapi({ description: 'Surpluses carried over from other contracts' }),
    shortfallCents: CentsSchema,
    computedPenaltyCents: CentsSchema.openapi({ description: 'shortfall × penaltyFactorBp' }),
    penaltyFactorBp: z.number().int().nullable(),
    penaltyCents: CentsSchema.openapi({ description: 'The penalty the advisor decided' }),
    note: z.string(),
    explanation: z.string(),
    explanationNl: z.string(),
    carryOver: z.object({ contractId: z.string(), amountCents: CentsSchema, reason: z.string() }).nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Settlement');

const settleRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/settlement',
  tags: ['Contracts'],
  summary:
    'Settle an ended contract: shortfall, penalty and the advisor’s decision (once, after the end date)',
  request: {
    params: IdParamSchema,
    body: jsonBody(SettlementInputSchema),
  },
  responses: {
    201: jsonResponse(SettlementSchema, 'Settled'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/settlement',
  tags: ['Contracts'],
  summary: 'The settlement of a contract (null before it), and surpluses carried into it',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(
      z
        .object({
          settlement: SettlementSchema.nullable(),
          carriedInCents: CentsSchema,
          carriedIn: z.array(
            z.object({
              fromContractId: z.string(),
              fromReference: z.string(),
              amountCents: CentsSchema,
              reason: z.string().nullable(),
              decidedOn: IsoDateSchema,
            }),
          ),
        })
        .openapi('SettlementState'),
      'The settlement state',
    ),
    ...problems(400, 401, 403, 404),
  },
});

export function settlementRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(settleRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(settleContract, c.var.deps, c.var.actor, input), 201);
  });
  api.openapi(getRoute, async (c) =>
    c.json(
      await execute(getSettlement, c.var.deps, c.var.actor, { contractId: c.req.valid('param').id }),
      200,
    ),
  );
}
