import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  getReservation,
  recordReservation,
  removeReservation,
  supplierEligibility,
} from '../../app/tender/reservations.ts';
import { execute } from '../../app/use-case.ts';
import { reservationBases } from '../../domain/index.ts';
import type { HttpEnv } from '../env.ts';
import {
  emptyResponse,
  errorResponses,
  IdParamSchema,
  IsoDateSchema,
  jsonBody,
  jsonResponse,
} from '../openapi.ts';
import { RealDateSchema } from '../schemas/lifecycle.ts';

const ReservationInputSchema = z
  .object({
    basis: z.enum(reservationBases).openapi({
      description:
        'pso30plus: a PSO 30+ certificate; targetGroupShare: a stated share of staff from the target groups',
    }),
    shareBp: z
      .number()
      .int('must be whole basis points')
      .min(3_000, 'must be at least 3000 (30%) for a reserved contract')
      .max(10_000, 'must be at most 10000 (100%)')
      .optional()
      .openapi({ example: 3500 }),
    reference: z
      .string()
      .max(200)
      .default('')
      .openapi({ description: 'Certificate number or statement reference' }),
    validFrom: RealDateSchema,
    validTo: RealDateSchema,
  })
  .openapi('ReservationInput');

const ReservationSchema = z
  .object({
    contractId: z.string(),
    basis: z.enum(reservationBases),
    shareBp: z.number().int().optional(),
    reference: z.string(),
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema,
    validToday: z.boolean(),
  })
  .openapi('Reservation');

const path = '/contracts/{id}/reservation';
const putRoute = createRoute({
  method: 'put',
  path,
  tags: ['Contracts'],
  summary:
    'Mark the contract reserved (voorbehouden opdracht) with the eligibility condition its supplier meets',
  request: {
    params: IdParamSchema,
    body: jsonBody(ReservationInputSchema),
  },
  responses: { 200: jsonResponse(ReservationSchema, 'The condition as recorded'), ...errorResponses },
});
const getRoute = createRoute({
  method: 'get',
  path,
  tags: ['Contracts'],
  summary: "The contract's eligibility condition, or null when it is not reserved",
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(z.object({ reservation: ReservationSchema.nullable() }), 'The reservation'),
    ...errorResponses,
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path,
  tags: ['Contracts'],
  summary: 'The contract is no longer reserved',
  request: { params: IdParamSchema },
  responses: { 204: emptyResponse('Removed'), ...errorResponses },
});
const eligibilityRoute = createRoute({
  method: 'get',
  path: '/suppliers/{id}/eligibility',
  tags: ['Suppliers'],
  summary: "The supplier's eligibility conditions on its reserved contracts, with their validity",
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          ReservationSchema.extend({ contractReference: z.string(), contractTitle: z.string() }),
        ),
      }),
      'The conditions',
    ),
    ...errorResponses,
  },
});

export function reservationRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(putRoute, async (c) => {
    const r = await execute(recordReservation, c.var.deps, c.var.actor, {
      contractId: c.req.valid('param').id,
      ...c.req.valid('json'),
    });
    return c.json(r, 200);
  });
  api.openapi(getRoute, async (c) => {
    const reservation = await execute(getReservation, c.var.deps, c.var.actor, {
      contractId: c.req.valid('param').id,
    });
    return c.json({ reservation }, 200);
  });
  api.openapi(deleteRoute, async (c) => {
    await execute(removeReservation, c.var.deps, c.var.actor, { contractId: c.req.valid('param').id });
    return c.body(null, 204);
  });
  api.openapi(eligibilityRoute, async (c) => {
    const items = await execute(supplierEligibility, c.var.deps, c.var.actor, {
      supplierId: c.req.valid('param').id,
    });
    return c.json({ items }, 200);
  });
}
