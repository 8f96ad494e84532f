import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { defaultMaxUploadBytes } from '../../app/evidence/evidence-store.ts';
import { importActivities, type ImportResult } from '../../app/lifecycle/import-activities.ts';
import { importTemplate, type TemplateChoices } from '../../app/lifecycle/import-template.ts';
import { importPlan } from '../../app/lifecycle/plan-import.ts';
import { execute } from '../../app/use-case.ts';
import { fileName, mediaTypes } from '../../export/table.ts';
import { activityColumns, planColumns } from '../../import/activity-sheet.ts';
import type { ImportColumn, Lang } from '../../import/table.ts';
import { xlsxMediaType } from '../../import/sheet.ts';
import { templateCsv, templateXlsx } from '../../import/template.ts';
import { downloadLanguage } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import {
  apiVersionHeader,
  attachmentResponse,
  CentsSchema,
  IdParamSchema,
  problems,
  ProblemSchema,
} from '../openapi.ts';
import { errorLanguageOf, problemResponse, type Problem } from '../problem.ts';
import { toDutchMessage } from '../problem-dutch.ts';
import { LangSchema, PeriodSchema } from '../schemas/lifecycle.ts';

const ReportPeriodParams = IdParamSchema.extend({
  period: PeriodSchema.openapi({ param: { name: 'period', in: 'path' } }),
});

const RowErrorSchema = z
  .object({
    row: z
      .number()
      .int()
      .openapi({ description: 'The row as the spreadsheet numbers it (1 = header, 0 = the whole file)' }),
    column: z
      .string()
      .openapi({ description: 'The column as the file names it; empty for the whole row or file' }),
    reason: z.string().openapi({ description: 'In the language of Accept-Language (Dutch by default)' }),
  })
  .openapi('ImportRowError');

const ImportResultSchema = z
  .object({
    rows: z.number().int().openapi({ description: 'Rows with data in the file' }),
    created: z.number().int().openapi({ description: 'Saved (0 for a dry run or a refused file)' }),
    valueCents: CentsSchema.openapi({ description: 'The value of the valid rows' }),
    replaced: z
      .number()
      .int()
      .openapi({ description: 'Rows of an earlier import of the same report replaced' }),
    items: z
      .array(
        z.object({
          row: z.number().int(),
          typeCode: z.string(),
          valueCents: CentsSchema,
          explanation: z.string(),
        }),
      )
      .openapi({ description: 'Every valid row with its value and why' }),
    errors: z.array(RowErrorSchema),
  })
  .openapi('ImportResult');

/** A refused file: problem details (RFC 9457) extended with the fields of the import's answer. */
const ImportProblemSchema = ProblemSchema.extend(ImportResultSchema.shape).openapi('ImportProblem');

const fileProblem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const templateRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/reports/{period}/template',
  tags: ['Reports'],
  summary:
    'An import template for the half-year: XLSX with the policy’s activity types, target groups and bonuses as drop-down lists, or CSV',
  request: {
    params: ReportPeriodParams,
    query: z.object({
      format: z.enum(['xlsx', 'csv']).optional().openapi({ description: 'xlsx (default) or csv' }),
      lang: LangSchema.optional().openapi({
        description: 'Language of the headers (default: after Accept-Language)',
      }),
    }),
  },
  responses: {
    200: attachmentResponse('The template, as an attachment', {
      [xlsxMediaType]: { schema: z.string().openapi({ format: 'binary' }) },
      'text/csv': { schema: z.string() },
    }),
    ...problems(400, 401, 403, 404),
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/reports/{period}/imports',
  tags: ['Reports'],
  summary:
    'Import a half-year’s activities from the filled-in template (CSV or XLSX): all rows or none; a new import replaces the rows of an earlier one',
  request: {
    params: ReportPeriodParams,
    query: z.object({
      dryRun: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true: check and value every row, save nothing' }),
    }),
    body: {
      required: true,
      content: {
        'text/csv': { schema: z.string().openapi({ description: 'UTF-8 or Windows-1252, `;` or `,`' }) },
        [xlsxMediaType]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    200: {
      description: 'Every row valid: saved (or, as a dry run, what would be saved)',
      headers: apiVersionHeader,
      content: { 'application/json': { schema: ImportResultSchema } },
    },
    ...problems(400, 401, 403, 404, 409),
    413: fileProblem('The file is larger than the upload limit'),
    415: fileProblem('The content is neither CSV nor XLSX (checked by content)'),
    422: {
      description:
        'Some rows are refused: nothing is saved; problem details with the same fields as the 200 answer, every error listed',
      content: { 'application/problem+json': { schema: ImportProblemSchema } },
    },
  },
});

const planTemplateRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/plan/template',
  tags: ['Plans'],
  summary: 'An import template for the plan: one row per plan item with its half-year (XLSX or CSV)',
  request: { params: IdParamSchema, query: templateRoute.request.query },
  responses: templateRoute.responses,
});

const planImportRoute = createRoute({
  method: 'post',
  path: '/contracts/{id}/plan/imports',
  tags: ['Plans'],
  summary:
    'The draft plan from the filled-in template (CSV or XLSX): the rows replace the draft’s items; all or none',
  request: { params: IdParamSchema, query: importRoute.request.query, body: importRoute.request.body },
  responses: importRoute.responses,
});

/** The answer's reasons in the request's language (Dutch by default, like problem details). */
function inLanguage(c: Context<HttpEnv>, result: ImportResult): ImportResult {
  if (errorLanguageOf(c.req.header('Accept-Language')) !== 'nl') return result;
  return { ...result, errors: result.errors.map((e) => ({ ...e, reason: toDutchMessage(e.reason) })) };
}

export function importRoutes(api: OpenAPIHono<HttpEnv>) {
  const limit = async (c: Context<HttpEnv>, next: () => Promise<void>) => {
    // a JSON body was read (and limited) by the text guard already: it cannot be streamed again
    if (c.req.method !== 'POST' || c.req.raw.bodyUsed) return next();
    const max = c.var.deps.config.maxUploadBytes ?? defaultMaxUploadBytes;
    return bodyLimit({
      maxSize: max,
      onError: (ctx) =>
        problemResponse(ctx, {
          type: 'about:blank',
          status: 413,
          title: 'Payload too large',
          detail: `The file is larger than ${max} bytes.`,
          code: 'PAYLOAD_TOO_LARGE',
        }),
    })(c, next);
  };
  api.use('/contracts/:id/reports/:period/imports', limit);
  api.use('/contracts/:id/plan/imports', limit);

  api.openapi(templateRoute, async (c) => {
    const { id, period } = c.req.valid('param');
    const { format = 'xlsx', lang } = c.req.valid('query');
    const choices = await execute(importTemplate, c.var.deps, c.var.actor, { contractId: id, period });
    return template(c, format, downloadLanguage(c, lang), activityColumns, choices, period) as never;
  });

  api.openapi(importRoute, async (c) => {
    const { id, period } = c.req.valid('param');
    const result = await execute(importActivities, c.var.deps, c.var.actor, {
      contractId: id,
      period,
      bytes: new Uint8Array(await c.req.arrayBuffer()),
      dryRun: c.req.valid('query').dryRun === 'true',
      lang: errorLanguageOf(c.req.header('Accept-Language')),
    });
    return answer(c, result) as never;
  });

  api.openapi(planTemplateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format = 'xlsx', lang } = c.req.valid('query');
    const choices = await execute(importTemplate, c.var.deps, c.var.actor, { contractId: id });
    return template(c, format, downloadLanguage(c, lang), planColumns, choices, 'plan') as never;
  });

  api.openapi(planImportRoute, async (c) => {
    const result = await execute(importPlan, c.var.deps, c.var.actor, {
      contractId: c.req.valid('param').id,
      bytes: new Uint8Array(await c.req.arrayBuffer()),
      dryRun: c.req.valid('query').dryRun === 'true',
      lang: errorLanguageOf(c.req.header('Accept-Language')),
    });
    return answer(c, result) as never;
  });
}

/** A template as a download: XLSX with drop-down lists, or CSV with the header row. */
async function template(
  c: Context<HttpEnv>,
  format: 'xlsx' | 'csv',
  lang: Lang,
  columns: readonly ImportColumn[],
  choices: TemplateChoices,
  what: string,
) {
  const name = fileName(`${lang === 'nl' ? 'sjabloon' : 'template'}-${choices.reference}-${what}`, format);
  const headers = {
    'Content-Type': mediaTypes[format],
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  };
  if (format === 'csv') return c.body(templateCsv({ columns, lang }), 200, headers);
  const title = what === 'plan' ? 'Plan' : `${lang === 'nl' ? 'Activiteiten' : 'Activities'} ${what}`;
  const { reference: _reference, ...lists } = choices;
  const bytes = await templateXlsx({ columns, lang, title, choices: lists, multiple: ['bonuses'] });
  return c.body(new Uint8Array(bytes), 200, headers);
}

/** 200 with the result, or 422 problem details carrying the same fields when any row is refused. */
function answer(c: Context<HttpEnv>, result: ImportResult) {
  if (result.errors.length === 0) return c.json(result, 200);
  const n = result.errors.length;
  return problemResponse(c, {
    type: 'about:blank',
    status: 422,
    title: 'Some rows are refused',
    detail: `${n} ${n === 1 ? 'error' : 'errors'} in the file; nothing was saved.`,
    code: 'VALIDATION',
    ...inLanguage(c, result),
  } as Problem);
}
