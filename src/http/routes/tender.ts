import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { tenderAdvice } from '../../app/tender/tender-advice.ts';
import { execute } from '../../app/use-case.ts';
import { suggestionForms, tenderKinds, type Lang } from '../../domain/index.ts';
import { clauseDocx, clausePdf } from '../../export/clause-document.ts';
import type { HttpEnv } from '../env.ts';
import { languageOf } from '../language.ts';
import {
  attachmentResponse,
  CentsSchema,
  errorResponses,
  IsoDateSchema,
  jsonBody,
  jsonResponse,
} from '../openapi.ts';
import { AmountSchema, RealDateSchema } from '../schemas/lifecycle.ts';
import { contentDisposition } from './evidence.ts';

const fields = {
  tenant: z.string().min(1).openapi({ example: 'voorbeeldstad', description: 'The municipality (its slug)' }),
  kind: z.enum(tenderKinds).openapi({ description: 'works, services or supplies' }),
  valueCents: AmountSchema,
  startDate: RealDateSchema,
  endDate: RealDateSchema.openapi({ description: 'Contract end (inclusive); not before startDate' }),
  labourShareBp: z
    .number()
    .int('must be whole basis points')
    .min(0, 'must be 0–10000 basis points (0–100%)')
    .max(10_000, 'must be 0–10000 basis points (0–100%)')
    .optional()
    .openapi({
      example: 2500,
      description: 'Estimated labour share of the value, basis points (2500 = 25%)',
    }),
  cpv: z
    .string()
    .optional()
    .openapi({ example: '45000000-7', description: 'CPV 2008 code of the main subject' }),
  awardDate: RealDateSchema.optional().openapi({
    description: 'The expected award date: the policy in force then advises (default today)',
  }),
};

const TenderAdviceInputSchema = z.object(fields).openapi('TenderAdviceInput');

/** The same fields in a query string (numbers arrive as text), for a download link. */
const ClauseQuerySchema = z.object({
  ...fields,
  valueCents: z.coerce
    .number()
    .int('must be whole euro cents')
    .min(0, 'must not be negative')
    .max(1_000_000_000_000, 'must not exceed €10 billion (1000000000000 cents)'),
  labourShareBp: z.coerce
    .number()
    .int('must be whole basis points')
    .min(0, 'must be 0–10000 basis points (0–100%)')
    .max(10_000, 'must be 0–10000 basis points (0–100%)')
    .optional(),
  format: z.enum(['docx', 'pdf']).openapi({ description: 'docx (Word) or pdf (tagged)' }),
  lang: z.enum(['nl', 'en']).optional().openapi({ description: 'The clause language (default nl)' }),
});

const TenderAdviceSchema = z
  .object({
    tenant: z.object({ slug: z.string(), name: z.string() }),
    awardDate: IsoDateSchema,
    policyVersion: z.number().int(),
    obligationCents: CentsSchema,
    regime: z.enum(['none', 'trust', 'plan']),
    percentageBp: z.number().int(),
    baseCents: CentsSchema,
    ruleId: z.string(),
    explanation: z.string().openapi({ description: 'In the language of Accept-Language (nl or en)' }),
    explanationNl: z.string(),
    suggestions: z.array(
      z.object({
        form: z.enum(suggestionForms),
        reason: z.string().openapi({ description: 'In the language of Accept-Language (nl or en)' }),
        reasonNl: z.string(),
      }),
    ),
    people: z
      .array(
        z.object({
          typeCode: z.string(),
          name: z.string(),
          category: z.string(),
          fteYears: z.number(),
          explanation: z.string(),
          explanationNl: z.string(),
        }),
      )
      .openapi({
        description: 'The obligation in FTE-years at the policy rates of each FTE-year activity type',
      }),
    clauseText: z.object({ nl: z.string(), en: z.string() }),
  })
  .openapi('TenderAdvice');

const adviceRoute = createRoute({
  method: 'post',
  path: '/tender-advice',
  tags: ['Estimates'],
  summary: 'Advice for a tender: obligation, suggested forms, FTE-years and the clause text (public)',
  request: {
    body: jsonBody(TenderAdviceInputSchema),
  },
  responses: { 200: jsonResponse(TenderAdviceSchema, 'The advice'), ...errorResponses },
});

const binary = (type: string) => ({ [type]: { schema: z.string().openapi({ format: 'binary' }) } });
const clauseRoute = createRoute({
  method: 'get',
  path: '/tender-advice/clause',
  tags: ['Estimates'],
  summary: 'The tender clause as a document to download: DOCX or tagged PDF (public)',
  request: { query: ClauseQuerySchema },
  responses: {
    200: attachmentResponse('The clause, as an attachment', {
      ...binary('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      ...binary('application/pdf'),
    }),
    ...errorResponses,
  },
});

const titles: Record<Lang, string> = { nl: 'Bestektekst social return', en: 'Tender clause: social return' };

export function tenderRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(adviceRoute, async (c) => {
    const lang = languageOf(c.req.header('Accept-Language'));
    const r = await execute(tenderAdvice, c.var.deps, c.var.actor, c.req.valid('json'));
    const a = r.advice;
    return c.json(
      {
        tenant: { slug: r.tenant.slug, name: r.tenant.name },
        awardDate: r.awardDate,
        policyVersion: r.policyVersion,
        obligationCents: a.obligation.amountCents,
        regime: a.obligation.regime,
        percentageBp: a.percentageBp,
        baseCents: a.obligation.baseCents,
        ruleId: a.ruleId,
        explanation: a.explanation,
        explanationNl: a.explanationNl,
        suggestions: a.suggestions.map((s) => ({
          form: s.form,
          reason: lang === 'nl' ? s.reasonNl : s.reason,
          reasonNl: s.reasonNl,
        })),
        people: a.people.map((p) => ({
          typeCode: p.typeCode,
          name: p.name,
          category: p.category,
          fteYears: p.quantity,
          explanation: p.explanation,
          explanationNl: p.explanationNl,
        })),
        clauseText: a.clauseText,
      },
      200,
    );
  });

  api.openapi(clauseRoute, async (c) => {
    const { format, lang = 'nl', ...input } = c.req.valid('query');
    const r = await execute(tenderAdvice, c.var.deps, c.var.actor, input);
    const doc = {
      lang,
      title: `${titles[lang]} — ${r.tenant.name}`,
      clause: r.advice.clauseText[lang],
      source:
        lang === 'nl'
          ? `Retour, beleid van ${r.tenant.name} versie ${r.policyVersion}; ${r.advice.explanationNl}`
          : `Retour, policy of ${r.tenant.name} version ${r.policyVersion}; ${r.advice.explanation}`,
    } as const;
    const name = `bestektekst-social-return-${r.tenant.slug}-${lang}.${format}`;
    const body = format === 'pdf' ? await clausePdf(doc) : await clauseDocx(doc);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type':
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': contentDisposition(name),
      'Content-Language': lang,
    }) as never;
  });
}
