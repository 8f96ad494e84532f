import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listInvoices, recordInvoice } from '../../app/lifecycle/contract-invoices.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import { AmountSchema, PeriodSchema } from '../schemas/lifecycle.ts';

const InvoicesSchema = z
  .object({
    base: z.enum(['totalValue', 'labourCost', 'invoiced']).openapi({
      description:
        "The policy's base: only `invoiced` (framework contracts) makes these amounts the obligation's base",
    }),
    items: z.array(
      z.object({ period: z.string().openapi({ example: '2026-H1' }), amountCents: CentsSchema }),
    ),
    totalCents: CentsSchema,
    obligation: z.object({
      amountCents: CentsSchema,
      regime: z.string(),
      explanation: z.string(),
      explanationNl: z.string(),
    }),
  })
  .openapi('ContractInvoices');

const listRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/invoices',
  tags: ['Contracts'],
  summary: 'Invoiced amounts per half-year of a (framework) contract, with its obligation',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(InvoicesSchema, 'The invoiced half-years'),
    ...problems(400, 401, 403, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/contracts/{id}/invoices/{period}',
  tags: ['Contracts'],
  summary:
    'Record what was invoiced in a half-year of a framework contract (advisor); the obligation follows',
  request: {
    params: IdParamSchema.extend({
      period: PeriodSchema.openapi({ param: { name: 'period', in: 'path' } }),
    }),
    body: jsonBody(
      z.object({ amountCents: AmountSchema.openapi({ example: 12_500_000 }) }).openapi('InvoiceInput'),
    ),
  },
  responses: {
    200: jsonResponse(InvoicesSchema, 'The invoiced half-years and the obligation after the change'),
    ...problems(400, 401, 403, 404, 409),
  },
});

export function contractInvoiceRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(listRoute, async (c) =>
    c.json(
      await execute(listInvoices, c.var.deps, c.var.actor, { contractId: c.req.valid('param').id }),
      200,
    ),
  );
  api.openapi(putRoute, async (c) => {
    const { id, period } = c.req.valid('param');
    const input = { contractId: id, period, amountCents: c.req.valid('json').amountCents };
    return c.json(await execute(recordInvoice, c.var.deps, c.var.actor, input), 200);
  });
}
