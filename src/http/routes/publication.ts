import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { openData } from '../../app/publication/open-data.ts';
import { publicResults } from '../../app/publication/public-results.ts';
import { getPublication, setPublication } from '../../app/publication/publication-setting.ts';
import { execute } from '../../app/use-case.ts';
import { isoDay } from '../../app/clock.ts';
import { categories } from '../../domain/index.ts';
import { openDataCsv, openDataOcds } from '../../export/open-data.ts';
import type { HttpEnv } from '../env.ts';
import { attachmentResponse, CentsSchema, errorResponses, jsonBody, jsonResponse } from '../openapi.ts';
import { contentDisposition } from './evidence.ts';

const SlugParamSchema = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'voorbeeldstad' }),
});
const PublicCountSchema = z
  .union([z.number().int(), z.literal('< 5')])
  .openapi({ description: 'A count of people; below 5 it reads "< 5"' });

const ResultsSchema = z
  .object({
    tenant: z.object({ slug: z.string(), name: z.string() }),
    year: z.number().int(),
    contracts: z.number().int(),
    obligationCents: CentsSchema,
    realisedCents: CentsSchema,
    verifiedCents: CentsSchema,
    people: PublicCountSchema,
    byCategory: z.array(
      z.object({
        category: z.enum(categories),
        realisedCents: CentsSchema,
        verifiedCents: CentsSchema,
        people: PublicCountSchema,
      }),
    ),
    byTheme: z.array(z.object({ theme: z.string(), realisedCents: CentsSchema, verifiedCents: CentsSchema })),
  })
  .openapi('PublicResults');

const resultsRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/results',
  tags: ['Results'],
  summary: "A publishing municipality's social return results for a year (public)",
  request: {
    params: SlugParamSchema,
    query: z.object({
      year: z.coerce
        .number()
        .int('must be a year')
        .min(2000, 'must be a year 2000–2100')
        .max(2100, 'must be a year 2000–2100')
        .openapi({ example: 2026 }),
    }),
  },
  responses: { 200: jsonResponse(ResultsSchema, 'The results of the year'), ...errorResponses },
});

const openDataRoute = createRoute({
  method: 'get',
  path: '/tenants/{slug}/open-data',
  tags: ['Results'],
  summary:
    "A publishing municipality's contracts with social return conditions and results: CSV or OCDS (public)",
  request: {
    params: SlugParamSchema,
    query: z.object({
      format: z.enum(['csv', 'ocds']).openapi({ description: 'csv, or ocds: an OCDS 1.1 release package' }),
    }),
  },
  responses: {
    200: attachmentResponse('The open data, as an attachment', {
      'text/csv': { schema: z.string() },
      'application/json': {
        schema: z.object({}).passthrough().openapi({ description: 'OCDS release package' }),
      },
    }),
    ...errorResponses,
  },
});

const PublicationSchema = z
  .object({
    slug: z.string(),
    publishResults: z
      .boolean()
      .openapi({ description: 'Results page and open data public (off by default)' }),
  })
  .openapi('Publication');

const getPublicationRoute = createRoute({
  method: 'get',
  path: '/publication',
  tags: ['Results'],
  summary: "Whether the municipality's results are public",
  responses: { 200: jsonResponse(PublicationSchema, 'The setting'), ...errorResponses },
});
const putPublicationRoute = createRoute({
  method: 'put',
  path: '/publication',
  tags: ['Results'],
  summary: 'Switch results in the open on or off (municipality admin)',
  request: {
    body: jsonBody(z.object({ publishResults: z.boolean() }).openapi('PublicationInput')),
  },
  responses: { 200: jsonResponse(PublicationSchema, 'The new setting'), ...errorResponses },
});

export function publicationRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(resultsRoute, async (c) => {
    const r = await execute(publicResults, c.var.deps, c.var.actor, {
      slug: c.req.valid('param').slug,
      year: c.req.valid('query').year,
    });
    return c.json(r, 200);
  });

  api.openapi(openDataRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const r = await execute(openData, c.var.deps, c.var.actor, { slug });
    const now = c.var.deps.now();
    if (format === 'csv')
      return c.body(openDataCsv(r.contracts), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition(`social-return-${r.tenant.slug}.csv`),
      }) as never;
    const uri = `${c.var.deps.config.publicUrl}/api/v1/tenants/${encodeURIComponent(r.tenant.slug)}/open-data?format=ocds`;
    const pkg = openDataOcds(
      { slug: r.tenant.slug, name: r.tenant.name, uri, publishedDate: now.toISOString() },
      r.contracts,
      isoDay(now),
    );
    return c.body(JSON.stringify(pkg), 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': contentDisposition(`social-return-${r.tenant.slug}.ocds.json`),
    }) as never;
  });

  api.openapi(getPublicationRoute, async (c) =>
    c.json(await execute(getPublication, c.var.deps, c.var.actor, undefined), 200),
  );
  api.openapi(putPublicationRoute, async (c) =>
    c.json(await execute(setPublication, c.var.deps, c.var.actor, c.req.valid('json')), 200),
  );
}
