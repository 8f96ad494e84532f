import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { createSupplier, getSupplier, listSuppliers, updateSupplier } from '../../app/lifecycle/suppliers.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { IdParamSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';

const ContactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email('must be an email address').max(320),
  phone: z.string().max(40).optional(),
});

export const SupplierSchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ example: 'Bouwbedrijf De Vries B.V.' }),
    kvkNumber: z.string().openapi({ example: '12345678' }),
    contacts: z.array(ContactSchema),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Supplier');

const SupplierInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    kvkNumber: z
      .string()
      .regex(/^\d{8}$/, 'must be a KvK number of 8 digits')
      .openapi({ example: '12345678' }),
    contacts: z.array(ContactSchema).max(20).optional(),
  })
  .openapi('SupplierInput');

const createRouteDef = createRoute({
  method: 'post',
  path: '/suppliers',
  tags: ['Suppliers'],
  summary: 'Register a supplier organisation (advisor)',
  request: { body: jsonBody(SupplierInputSchema) },
  responses: {
    201: jsonResponse(SupplierSchema, 'Registered'),
    ...problems(400, 401, 403, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/suppliers',
  tags: ['Suppliers'],
  summary: "The municipality's suppliers (a supplier user: its own organisation)",
  request: {
    query: z.object({
      q: z.string().max(200).optional().openapi({ description: 'Part of the name, or the whole KvK number' }),
      sort: z
        .enum(['name', '-name', 'kvkNumber', '-kvkNumber', 'createdAt', '-createdAt'])
        .default('name')
        .openapi({ description: 'A field of the items; `-` in front for descending' }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(500).optional().openapi({ description: 'From `nextCursor` of the page before' }),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({
          items: z.array(SupplierSchema.extend({ contractCount: z.number().int() })),
          nextCursor: z.string().optional().openapi({ description: 'Absent on the last page' }),
        })
        .openapi('SupplierList'),
      'One page of suppliers',
    ),
    ...problems(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/suppliers/{id}',
  tags: ['Suppliers'],
  summary: 'One supplier',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(SupplierSchema, 'The supplier'),
    ...problems(400, 401, 403, 404),
  },
});

const SupplierPatchSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200).optional(),
    contacts: z
      .array(ContactSchema)
      .max(20)
      .optional()
      .openapi({ description: 'Replaces all contacts; they receive the reminder mail' }),
  })
  .refine((v) => v.name !== undefined || v.contacts !== undefined, {
    path: ['name'],
    message: 'give name or contacts',
  })
  .openapi('SupplierPatch');

const patchRoute = createRoute({
  method: 'patch',
  path: '/suppliers/{id}',
  tags: ['Suppliers'],
  summary: "Change a supplier's name or contacts (advisor)",
  request: {
    params: IdParamSchema,
    body: jsonBody(SupplierPatchSchema),
  },
  responses: {
    200: jsonResponse(SupplierSchema, 'The supplier after the change'),
    ...problems(400, 401, 403, 404),
  },
});

export function supplierRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(createRouteDef, async (c) =>
    c.json(await execute(createSupplier, c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(listRoute, async (c) =>
    c.json(await execute(listSuppliers, c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );
  api.openapi(getRoute, async (c) =>
    c.json(await execute(getSupplier, c.var.deps, c.var.actor, c.req.valid('param')), 200),
  );
  api.openapi(patchRoute, async (c) => {
    const input = { id: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(updateSupplier, c.var.deps, c.var.actor, input), 200);
  });
}
