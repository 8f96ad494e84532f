import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assignVerifier, listContractVerifiers, unassignVerifier } from '../../app/lifecycle/verifiers.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { emptyResponse, errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../openapi.ts';

const VerifierSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    assignedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ContractVerifier');

const ContractUserParamSchema = IdParamSchema.extend({
  userId: z
    .string()
    .openapi({ param: { name: 'userId', in: 'path' }, example: '6f1c2f9e-0000-4000-8000-000000000001' }),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/contracts/{id}/verifiers',
    tags: ['Contracts'],
    summary:
      'The independent verifiers of a contract, and the municipality’s verifiers who could be assigned',
    request: { params: IdParamSchema },
    responses: {
      200: jsonResponse(
        z
          .object({
            items: z.array(VerifierSchema),
            available: z.array(
              z.object({ userId: z.string(), name: z.string(), email: z.string() }).openapi('Verifier'),
            ),
          })
          .openapi('ContractVerifierList'),
        'Assigned and available verifiers',
      ),
      ...errorResponses,
    },
  }),
  assign: createRoute({
    method: 'post',
    path: '/contracts/{id}/verifiers',
    tags: ['Contracts'],
    summary: 'Assign an independent verifier (a user with the role verifier) to a contract',
    request: {
      params: IdParamSchema,
      body: jsonBody(z.object({ userId: z.string().max(100) }).openapi('ContractVerifierInput')),
    },
    responses: { 201: jsonResponse(VerifierSchema, 'Assigned'), ...errorResponses },
  }),
  unassign: createRoute({
    method: 'delete',
    path: '/contracts/{id}/verifiers/{userId}',
    tags: ['Contracts'],
    summary: 'End a verifier’s assignment to a contract (also when there was none)',
    request: { params: ContractUserParamSchema },
    responses: { 204: emptyResponse('Not assigned (any more)'), ...errorResponses },
  }),
};

export function verifierRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(routes.list, async (c) =>
    c.json(
      await execute(listContractVerifiers, c.var.deps, c.var.actor, { contractId: c.req.valid('param').id }),
      200,
    ),
  );
  api.openapi(routes.assign, async (c) =>
    c.json(
      await execute(assignVerifier, c.var.deps, c.var.actor, {
        contractId: c.req.valid('param').id,
        userId: c.req.valid('json').userId,
      }),
      201,
    ),
  );
  api.openapi(routes.unassign, async (c) => {
    const { id, userId } = c.req.valid('param');
    await execute(unassignVerifier, c.var.deps, c.var.actor, { contractId: id, userId });
    return c.body(null, 204);
  });
}
