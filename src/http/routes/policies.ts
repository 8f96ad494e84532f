import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { createPolicyVersion } from '../../app/policies/create-policy-version.ts';
import { listActivityTypes } from '../../app/policies/list-activity-types.ts';
import { listPolicyVersionsUseCase } from '../../app/policies/list-policy-versions.ts';
import { execute } from '../../app/use-case.ts';
import { defaultTenderRules } from '../../domain/tender-rules.ts';
import type { HttpEnv } from '../env.ts';
import { errorResponses, IsoDateSchema, jsonBody, jsonResponse } from '../openapi.ts';
import {
  ActivityTypeSchema,
  PolicyInputSchema,
  PolicyVersionSchema,
  TargetGroupFields,
} from '../schemas/policy.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/policies',
  tags: ['Policies'],
  summary: "The municipality's policy versions, newest first",
  responses: {
    200: jsonResponse(
      z
        .object({
          items: z.array(PolicyVersionSchema),
          tenderDefaults: z.object({}).passthrough().openapi({
            description:
              "Retour's tender rules (labour-share bands, suggestion rules, clause templates) for a version without its own `tender`",
          }),
        })
        .openapi('PolicyVersionList'),
      'Versions',
    ),
    ...errorResponses,
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/policies',
  tags: ['Policies'],
  summary: 'Store a new policy version (versions are never edited in place)',
  request: { body: jsonBody(PolicyInputSchema) },
  responses: {
    201: jsonResponse(
      z
        .object({ id: z.string(), version: z.number().int(), validFrom: IsoDateSchema })
        .openapi('PolicyVersionCreated'),
      'Stored',
    ),
    ...errorResponses,
  },
});

const activityTypesRoute = createRoute({
  method: 'get',
  path: '/activity-types',
  tags: ['Policies'],
  summary: 'The valuation catalogue in force today, or on a given date',
  request: { query: z.object({ on: IsoDateSchema.optional() }) },
  responses: {
    200: jsonResponse(
      z
        .object({
          on: IsoDateSchema,
          policyVersion: z.number().int(),
          items: z.array(ActivityTypeSchema),
          ...TargetGroupFields,
        })
        .openapi('ActivityTypeList'),
      'The catalogue',
    ),
    ...errorResponses,
  },
});

const presentVersion = (v: {
  id: string;
  version: number;
  validFrom: string;
  createdAt: Date;
  policy: unknown;
}) => ({
  id: v.id,
  version: v.version,
  validFrom: v.validFrom,
  createdAt: v.createdAt.toISOString(),
  policy: v.policy as z.infer<typeof PolicyInputSchema>,
});

export function policyRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(listRoute, async (c) => {
    const versions = await execute(listPolicyVersionsUseCase, c.var.deps, c.var.actor, undefined);
    return c.json({ items: versions.map(presentVersion), tenderDefaults: defaultTenderRules }, 200);
  });
  api.openapi(createRouteDef, async (c) => {
    const stored = await execute(createPolicyVersion, c.var.deps, c.var.actor, c.req.valid('json'));
    return c.json({ id: stored.id, version: stored.version, validFrom: stored.validFrom }, 201);
  });
  api.openapi(activityTypesRoute, async (c) => {
    const result = await execute(listActivityTypes, c.var.deps, c.var.actor, { on: c.req.valid('query').on });
    return c.json(result, 200);
  });
}
