import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { importContracts } from '../../app/lifecycle/import-contracts.ts';
import type { ContractImportResult } from '../../app/lifecycle/contract-import-result.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IsoDateSchema, jsonResponse, problems, ProblemSchema } from '../openapi.ts';
import { errorLanguageOf } from '../problem.ts';
import { importLimit } from '../upload-limit.ts';
import { refuseBadText } from '../text-guard.ts';
import { toDutchMessage, toDutchTitle } from '../problem-dutch.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ImportErrorSchema = z
  .object({
    row: z.number().int().openapi({
      description:
        'Row in the file (the header is row 1); for OCDS the contract number, 0 for the whole file',
    }),
    column: z.string().openapi({ description: 'The column, or for OCDS the JSON path', example: 'value' }),
    reason: z.string().openapi({ description: 'In the language of Accept-Language (nl or en)' }),
  })
  .openapi('ImportError');

export const ContractImportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().openapi({ description: 'Contracts read from the file' }),
    created: z.number().int().openapi({ description: 'Contracts created (dry run: that would be created)' }),
    unchanged: z.number().int().openapi({ description: 'Contracts already there with the same data' }),
    valueCents: CentsSchema.openapi({ description: 'Sum of the values of the contracts created' }),
    obligationCents: CentsSchema.openapi({ description: 'Sum of their obligations' }),
    items: z.array(
      z.object({
        row: z.number().int(),
        reference: z.string(),
        title: z.string(),
        supplierName: z.string(),
        supplierKey: z
          .string()
          .openapi({ description: 'KvK number, or SCHEME-id for another identifier scheme' }),
        valueCents: CentsSchema,
        startDate: IsoDateSchema,
        endDate: IsoDateSchema,
        maxExtentDate: IsoDateSchema.nullable(),
        awardDate: IsoDateSchema,
        kind: z.enum(['works', 'servicesAndSupplies']),
        action: z.enum(['create', 'unchanged']),
        obligationCents: CentsSchema,
        regime: z.string(),
        invoicedCents: CentsSchema,
      }),
    ),
    errors: z.array(ImportErrorSchema),
  })
  .openapi('ContractImport');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const importRoute = createRoute({
  method: 'post',
  path: '/contract-imports',
  tags: ['Contracts'],
  summary: 'Import contracts from CSV, XLSX or an OCDS release or record package (advisor), all or nothing',
  description:
    'Every contract is checked and awarded as POST /contracts would; with any error, or dryRun=true, nothing is saved. ' +
    'Suppliers are matched by KvK number (OCDS: identifier) or registered; a contract whose reference is already there ' +
    'with the same data is left alone, with other data it is an error. The kind of file is decided by its content.',
  request: {
    query: z.object({
      dryRun: z
        .enum(['true', 'false'])
        .default('false')
        .openapi({ description: 'true: check and show the result without saving' }),
    }),
    body: {
      required: false,
      content: {
        'text/csv': {
          schema: z
            .string()
            .openapi({ description: 'A contract sheet, `;` or `,` separated, UTF-8 or Windows-1252' }),
        },
        [xlsxType]: {
          schema: z.string().openapi({ format: 'binary', description: 'A contract sheet (first worksheet)' }),
        },
        'application/octet-stream': {
          schema: z
            .string()
            .openapi({ format: 'binary', description: 'Any of the above: the content decides' }),
        },
        'application/json': {
          schema: z
            .record(z.string(), z.unknown())
            .openapi({ description: 'An OCDS 1.1 release package or record package' }),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(
      ContractImportSchema,
      'Every contract valid: imported (or, with dryRun, what would be)',
    ),
    ...problems(400, 401, 403),
    413: problem('The file is larger than the upload limit'),
    415: problem('Not a CSV, XLSX or JSON body (checked by content)'),
    422: {
      description: 'Errors, row by row: nothing was saved (problem details with the same fields as 200)',
      content: {
        'application/problem+json': {
          schema: ProblemSchema.extend(ContractImportSchema.shape).openapi('ContractImportRefused'),
        },
      },
    },
  },
});

/** The reasons in the request's language (Dutch by default, decision 015). */
function inLanguage(result: ContractImportResult, lang: 'nl' | 'en'): ContractImportResult {
  if (lang === 'en') return result;
  return { ...result, errors: result.errors.map((e) => ({ ...e, reason: toDutchMessage(e.reason) })) };
}

/** The OCDS body, refused (400) with control characters: the edge check leaves this body to the route. */
function checkedText<T>(value: T): T {
  refuseBadText(value);
  return value;
}

export function contractImportRoutes(api: OpenAPIHono<HttpEnv>) {
  api.use('/contract-imports', importLimit());

  api.openapi(importRoute, async (c) => {
    const dryRun = c.req.valid('query').dryRun === 'true';
    const type = c.req.header('Content-Type') ?? '';
    const body = /json/i.test(type)
      ? { kind: 'json' as const, value: checkedText(c.req.valid('json')) }
      : { kind: 'bytes' as const, bytes: new Uint8Array(await c.req.arrayBuffer()) };
    const result = await execute(importContracts, c.var.deps, c.var.actor, { body, dryRun });
    const lang = errorLanguageOf(c.req.header('Accept-Language'));
    const answer = inLanguage(result, lang);
    if (result.errors.length === 0) return c.json(answer, 200, { 'Content-Language': lang });
    // a refused file: problem details (RFC 9457) carrying the same fields as the 200 answer
    const detail = `The file has ${result.errors.length} errors: nothing was saved.`;
    const refused = {
      type: 'about:blank',
      status: 422,
      title: lang === 'nl' ? toDutchTitle('Unprocessable content') : 'Unprocessable content',
      detail: lang === 'nl' ? toDutchMessage(detail) : detail,
      code: 'IMPORT_REFUSED',
      ...answer,
    };
    return c.body(JSON.stringify(refused), 422, {
      'Content-Type': 'application/problem+json',
      'Content-Language': lang,
    }) as never;
  });
}
