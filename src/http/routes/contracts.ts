import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  contractSorts,
  getContract,
  listContracts,
  type ContractListItem,
} from '../../app/lifecycle/contracts.ts';
import { createContract } from '../../app/lifecycle/create-contract.ts';
import { extendContract } from '../../app/lifecycle/extend-contract.ts';
import { listContractManagers, updateContract } from '../../app/lifecycle/update-contract.ts';
import { execute } from '../../app/use-case.ts';
import { contractListTable } from '../../export/tables.ts';
import { downloadLanguage, downloadTables, exportQuery, jsonOrFile } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, IsoDateSchema, jsonBody, jsonResponse, problems } from '../openapi.ts';
import {
  AmountSchema,
  ProgressFields,
  RealDateSchema,
  RegimeSchema,
  StatusSchema,
} from '../schemas/lifecycle.ts';

const KindSchema = z.enum(['works', 'servicesAndSupplies']);

export const ContractSchema = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: '2026-INK-0042' }),
    title: z.string().openapi({ example: 'Onderhoud openbare ruimte' }),
    supplierId: z.string(),
    supplierName: z.string(),
    contractManagerId: z.string().nullable(),
    contractManagerName: z.string().nullable(),
    kind: KindSchema,
    valueCents: CentsSchema.openapi({ description: 'Value at award, excl. VAT' }),
    totalValueCents: CentsSchema.openapi({ description: 'Value at award plus extensions' }),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema.openapi({ description: 'End date after extensions' }),
    originalEndDate: IsoDateSchema,
    maxExtentDate: IsoDateSchema.nullable().openapi({
      description:
        'The latest end date options may reach (OCDS maxExtentDate): a possible extension, not the end',
    }),
    awardDate: IsoDateSchema,
    regime: RegimeSchema,
    obligationCents: CentsSchema,
    obligation: z.object({
      amountCents: CentsSchema,
      regime: RegimeSchema,
      policyVersion: z.number().int().openapi({ description: 'The policy version in force at award' }),
      policyVersionId: z.string(),
      ruleId: z.string(),
      explanation: z.string().openapi({
        example: '2% × €1.250.000,00 = €25.000,00; ≥ €200.000,00: plan regime',
        description: 'In the language of Accept-Language (nl or en)',
      }),
      explanationNl: z
        .string()
        .openapi({ description: 'The explanation in Dutch, whatever the Accept-Language' }),
    }),
    extensions: z.array(
      z.object({
        id: z.string(),
        valueCents: CentsSchema,
        endDate: IsoDateSchema.nullable(),
        note: z.string(),
        createdAt: z.string().openapi({ format: 'date-time' }),
      }),
    ),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Contract');

const ContractListItemSchema = ContractSchema.extend({
  progress: z.object(ProgressFields).openapi({ description: 'Progress today' }),
}).openapi('ContractListItem');

const ContractInputSchema = z
  .object({
    reference: z.string().trim().min(1, 'is required').max(100),
    title: z.string().trim().min(1, 'is required').max(300),
    supplierId: z.string().min(1),
    valueCents: AmountSchema.openapi({ example: 125_000_000 }),
    startDate: RealDateSchema,
    endDate: RealDateSchema,
    awardDate: RealDateSchema.optional(),
    kind: KindSchema.optional(),
    contractManagerId: z.string().nullable().optional(),
    maxExtentDate: RealDateSchema.optional().openapi({
      description: 'The latest end date options may reach: kept as a possible extension, not the end',
    }),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'must not be before startDate' })
  .refine((v) => v.maxExtentDate === undefined || v.maxExtentDate >= v.endDate, {
    path: ['maxExtentDate'],
    message: 'must not be before endDate',
  })
  .openapi('ContractInput');

const ExtensionInputSchema = z
  .object({
    valueCents: AmountSchema.openapi({ example: 25_000_000 }),
    endDate: RealDateSchema.optional(),
    note: z.string().max(1000).optional(),
  })
  .openapi('ContractExtensionInput');

const createRouteDef = createRoute({
  method: 'post',
  path: '/contracts',
  tags: ['Contracts'],
  summary: 'Award a contract: obligation and regime under the policy in force on the award date',
  request: { body: jsonBody(ContractInputSchema) },
  responses: {
    201: jsonResponse(ContractSchema, 'Awarded, with its obligation and semi-annual reports'),
    ...problems(400, 401, 403, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/contracts',
  tags: ['Contracts'],
  summary: 'Contracts the caller may see, with progress today',
  request: {
    query: z.object({
      supplierId: z.string().optional(),
      regime: RegimeSchema.optional(),
      status: StatusSchema.optional(),
      q: z.string().max(200).optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(500)
        .optional()
        .openapi({ description: 'Page size (default 50, at most 500)' }),
      cursor: z.string().max(500).optional().openapi({ description: '`nextCursor` of the page before' }),
      ...exportQuery(['csv', 'xlsx']),
      sort: z
        .enum([...contractSorts, ...contractSorts.map((f) => `-${f}` as const)])
        .optional()
        .openapi({ description: 'A field of the items (progress fields by their name), `-` for descending' }),
    }),
  },
  responses: {
    200: jsonOrFile(
      z
        .object({
          items: z.array(ContractListItemSchema),
          nextCursor: z.string().optional().openapi({ description: 'Absent on the last page' }),
          total: z.number().int().openapi({ description: 'Contracts matching the filters, all pages' }),
        })
        .openapi('ContractList'),
      'Contracts, one page; with format=csv|xlsx the whole filtered list as a download',
      ['csv', 'xlsx'],
    ),
    ...problems(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}',
  tags: ['Contracts'],
  summary: 'One contract with its obligation',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(ContractSchema, 'The contract'),
    ...problems(400, 401, 403, 404),
  },
});

const extendRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/extensions',
  tags: ['Contracts'],
  summary: 'Record an option or extension; the obligation is recomputed under the original policy version',
  request: {
    params: IdParamSchema,
    body: jsonBody(ExtensionInputSchema),
  },
  responses: {
    201: jsonResponse(ContractSchema, 'The contract after the extension'),
    ...problems(400, 401, 403, 404),
  },
});

const ContractPatchSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(300).optional(),
    contractManagerId: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .openapi({ description: 'A user of GET /contract-managers, or null for none' }),
  })
  .refine((v) => v.title !== undefined || v.contractManagerId !== undefined, {
    path: ['title'],
    message: 'give title or contractManagerId',
  })
  .openapi('ContractPatch');

const patchRoute = createRoute({
  method: 'patch',
  path: '/contracts/{id}',
  tags: ['Contracts'],
  summary: "Change a contract's title or contract manager (advisor)",
  request: {
    params: IdParamSchema,
    body: jsonBody(ContractPatchSchema),
  },
  responses: {
    200: jsonResponse(ContractSchema, 'The contract after the change'),
    ...problems(400, 401, 403, 404),
  },
});

const ContractManagerSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
  })
  .openapi('ContractManager');

const managersRoute = createRoute({
  method: 'get',
  path: '/contract-managers',
  tags: ['Contracts'],
  summary: "The municipality's contract managers, to pick one for a contract (advisor, admin)",
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(ContractManagerSchema) }).openapi('ContractManagerList'),
      'Contract managers',
    ),
    ...problems(400, 401, 403),
  },
});

export function contractRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(createRouteDef, async (c) =>
    c.json(await execute(createContract, c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(listRoute, async (c) => {
    const { format, lang, ...query } = c.req.valid('query');
    if (format === 'csv' || format === 'xlsx') {
      // the whole filtered list, page after page (an export is not paged)
      const { cursor: _cursor, limit: _limit, ...filters } = query;
      const items: ContractListItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await execute(listContracts, c.var.deps, c.var.actor, {
          ...filters,
          limit: 500,
          cursor,
        });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return downloadTables(c, format, downloadLanguage(c, lang), 'contracts', [
        contractListTable(items),
      ]) as never;
    }
    return c.json(await execute(listContracts, c.var.deps, c.var.actor, query), 200);
  });
  api.openapi(getRoute, async (c) =>
    c.json(await execute(getContract, c.var.deps, c.var.actor, c.req.valid('param')), 200),
  );
  api.openapi(extendRoute, async (c) => {
    const input = { contractId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(extendContract, c.var.deps, c.var.actor, input), 201);
  });
  api.openapi(patchRoute, async (c) => {
    const input = { id: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await execute(updateContract, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(managersRoute, async (c) =>
    c.json({ items: await execute(listContractManagers, c.var.deps, c.var.actor, {}) }, 200),
  );
}
