import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { contractSummary } from '../../app/lifecycle/contract-summary.ts';
import { contractProgress, dashboard } from '../../app/lifecycle/progress.ts';
import { execute } from '../../app/use-case.ts';
import { writePortfolioPdf } from '../../export/pdf/portfolio.ts';
import { writeSummaryPdf } from '../../export/pdf/summary.ts';
import { dashboardTableNames, dashboardTables } from '../../export/tables.ts';
import { download, downloadLanguage, downloadTables, exportQuery, jsonOrFile } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import { CentsSchema, IdParamSchema, IsoDateSchema, jsonResponse, problems } from '../openapi.ts';
import {
  CategorySchema,
  LangSchema,
  ProgressFields,
  ProgressQuerySchema,
  ProgressSchema,
  RealDateSchema,
  RegimeSchema,
} from '../schemas/lifecycle.ts';
import { ContractSchema } from './contracts.ts';
import { ReportSchema } from '../schemas/report.ts';
import { SettlementSchema } from './settlements.ts';

const amounts = {
  obligationCents: CentsSchema,
  plannedCents: CentsSchema,
  realisedCents: CentsSchema,
  verifiedCents: CentsSchema,
};

const DashboardSchema = z
  .object({
    asOf: IsoDateSchema,
    totals: z.object({
      ...amounts,
      expectedCents: CentsSchema,
      forecastCents: CentsSchema,
      contracts: z.number().int(),
      byStatus: z.object({
        met: z.number().int(),
        notMet: z.number().int(),
        behind: z.number().int(),
        onTrack: z.number().int(),
      }),
    }),
    byCategory: z.array(
      z.object({
        category: CategorySchema,
        plannedCents: CentsSchema,
        realisedCents: CentsSchema,
        verifiedCents: CentsSchema,
      }),
    ),
    bySupplier: z.array(
      z.object({
        supplierId: z.string(),
        supplierName: z.string(),
        contracts: z.number().int(),
        ...amounts,
        expectedCents: CentsSchema,
      }),
    ),
    byHalfYear: z.array(z.object({ period: z.string(), ...amounts })),
    contracts: z.array(
      z.object({
        id: z.string(),
        reference: z.string(),
        title: z.string(),
        supplierId: z.string(),
        supplierName: z.string(),
        regime: RegimeSchema,
        ...ProgressFields,
        obligationExplanation: z
          .string()
          .openapi({ description: 'How the obligation was computed at award' }),
      }),
    ),
  })
  .openapi('Dashboard');

const progressRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/progress',
  tags: ['Progress'],
  summary:
    'Progress of a contract at a date: obligation, planned, realised, verified, expected, forecast, status',
  request: { params: IdParamSchema, query: ProgressQuerySchema },
  responses: {
    200: jsonResponse(
      ProgressSchema.extend({
        asOf: IsoDateSchema,
        explanations: z
          .object({
            planned: z.string(),
            realised: z.string(),
            verified: z.string(),
            expected: z.string().openapi({ example: '€25.000,00 × 120 / 365 dagen = €8.219,18' }),
            forecast: z.string(),
          })
          .openapi({
            description: 'The rule and arithmetic of each figure, in the Accept-Language (nl or en)',
          }),
      }).openapi('ContractProgress'),
      'Progress',
    ),
    ...problems(400, 401, 403, 404),
  },
});

const dashboardRoute = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['Progress'],
  summary:
    "The municipality's portfolio at a date (contracts behind schedule first); as XLSX (a sheet per table), CSV (one table) or the council's portfolio report (PDF)",
  request: {
    query: ProgressQuerySchema.extend({
      ...exportQuery(['csv', 'xlsx', 'pdf']),
      table: z
        .enum(dashboardTableNames)
        .optional()
        .openapi({ description: 'CSV only: which table (default contracts); XLSX has them all' }),
    }),
  },
  responses: {
    200: jsonOrFile(DashboardSchema, 'The portfolio', ['csv', 'xlsx', 'pdf']),
    ...problems(400, 401, 403),
  },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/contracts/{id}/summary',
  tags: ['Progress'],
  summary: "A contract's numbers and story for the contract manager's evaluation talk",
  request: {
    params: IdParamSchema,
    query: z.object({
      asOf: RealDateSchema.optional(),
      lang: LangSchema.optional(),
      format: z
        .enum(['json', 'pdf'])
        .optional()
        .openapi({ description: 'pdf: the summary as a tagged, accessible PDF in `lang`' }),
    }),
  },
  responses: {
    200: jsonOrFile(
      z
        .object({
          asOf: IsoDateSchema,
          lang: LangSchema,
          contract: ContractSchema,
          progress: ProgressSchema,
          plan: z
            .object({
              status: z.string().openapi({ description: 'Status of the working copy' }),
              plannedCents: CentsSchema.openapi({
                description: 'Planned value of the approved version (as in progress); 0 before approval',
              }),
              approved: z.object({ version: z.number().int(), plannedCents: CentsSchema }).nullable(),
              draft: z
                .object({ status: z.string(), plannedCents: CentsSchema })
                .nullable()
                .openapi({ description: 'A working copy not (yet) approved, when there is one' }),
            })
            .nullable(),
          reports: z.array(ReportSchema),
          story: z.object({ nl: z.string(), en: z.string() }),
          text: z.string().openapi({ description: 'The story in the requested language' }),
          settlement: SettlementSchema.nullable().openapi({
            description: 'The settlement decision after the end date, when recorded',
          }),
          byHalfYear: z.array(z.object({ period: z.string(), ...amounts })),
          openQuestions: z
            .array(
              z.object({
                activityId: z.string(),
                period: z.string(),
                typeCode: z.string(),
                valueCents: CentsSchema,
                question: z.string(),
                reply: z.string().nullable(),
              }),
            )
            .openapi({ description: 'Activities the advisor asked more about and has not decided yet' }),
          intake: z
            .object({ date: IsoDateSchema, notes: z.string(), agreedDirection: z.string() })
            .nullable()
            .openapi({ description: 'The advisor’s notes of the intake (plan regime)' }),
        })
        .openapi('ContractSummary'),
      'The summary',
      ['pdf'],
    ),
    ...problems(400, 401, 403, 404),
  },
});

/** `en` when the first language the caller accepts is English, Dutch otherwise. */
function langOf(acceptLanguage: string | undefined): 'nl' | 'en' {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}

export function progressRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(progressRoute, async (c) => {
    const input = {
      contractId: c.req.valid('param').id,
      asOf: c.req.valid('query').asOf,
      lang: langOf(c.req.header('Accept-Language')),
    };
    return c.json(await execute(contractProgress, c.var.deps, c.var.actor, input), 200);
  });
  api.openapi(dashboardRoute, async (c) => {
    const { format, lang, table, ...query } = c.req.valid('query');
    const view = await execute(dashboard, c.var.deps, c.var.actor, query);
    const language = downloadLanguage(c, lang);
    const name = `dashboard-${view.asOf}`;
    if (format === 'pdf')
      return download(c, 'pdf', name, (out) => writePortfolioPdf(view, language, out)) as never;
    if (format === 'csv' || format === 'xlsx') {
      const tables = dashboardTables(view);
      const chosen =
        format === 'csv' ? [tables[table ?? 'contracts']] : dashboardTableNames.map((n) => tables[n]);
      return downloadTables(
        c,
        format,
        language,
        format === 'csv' ? `${name}-${table ?? 'contracts'}` : name,
        chosen,
      ) as never;
    }
    return c.json(view, 200);
  });
  api.openapi(summaryRoute, async (c) => {
    const { format, lang, asOf } = c.req.valid('query');
    const language = format === 'pdf' ? downloadLanguage(c, lang) : lang;
    const input = { contractId: c.req.valid('param').id, asOf, lang: language };
    const summary = await execute(contractSummary, c.var.deps, c.var.actor, input);
    if (format === 'pdf')
      return download(c, 'pdf', `summary-${summary.contract.reference}-${summary.asOf}`, (out) =>
        writeSummaryPdf(summary, summary.lang, out),
      ) as never;
    return c.json(summary, 200);
  });
}
