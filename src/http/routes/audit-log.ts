import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listAuditLog } from '../../app/identity/audit-log.ts';
import { execute } from '../../app/use-case.ts';
import { auditLogTable } from '../../export/tables.ts';
import { downloadLanguage, downloadTables } from '../download.ts';
import type { HttpEnv } from '../env.ts';
import { apiVersionHeader, errorResponses, IsoDateSchema } from '../openapi.ts';
import { LangSchema } from '../schemas/lifecycle.ts';

const EntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

const QuerySchema = z.object({
  action: z.string().max(100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .optional()
    .openapi({ description: 'csv or xlsx downloads the entries (CSV semicolon separated, for Excel)' }),
  lang: LangSchema.optional().openapi({ description: 'Language of the headers of a download' }),
});

const route = createRoute({
  method: 'get',
  path: '/audit-log',
  tags: ['Audit log'],
  summary: "The municipality's audit trail, newest first; ?format=csv to export",
  request: { query: QuerySchema },
  responses: {
    200: {
      description: 'Entries',
      headers: {
        ...apiVersionHeader,
        'Export-Truncated': {
          description:
            'Downloads only: true when older entries were left out (the last row, action export.truncated, says from where to go on)',
          schema: { type: 'string' as const, enum: ['true', 'false'] },
        },
      },
      content: {
        'application/json': {
          schema: z
            .object({ items: z.array(EntrySchema), nextBefore: z.number().int().optional() })
            .openapi('AuditLog'),
        },
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...errorResponses,
  },
});

export function auditLogRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(route, async (c) => {
    const { format, lang, ...query } = c.req.valid('query');
    const result = await execute(
      listAuditLog,
      c.var.deps,
      c.var.actor,
      format === 'csv' || format === 'xlsx' ? { ...query, limit: query.limit ?? 10_000 } : query,
    );
    const items = result.items.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorUserId: e.actorUserId,
      actorLabel: e.actorLabel,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      details: e.details as Record<string, unknown>,
      ip: e.ip,
    }));
    if (format === 'csv' || format === 'xlsx') {
      // Said in the file itself, where whoever opens it sees it: a last row naming where to go on.
      const rows = result.nextBefore
        ? [
            ...items,
            {
              id: null,
              at: null,
              actorUserId: null,
              actorLabel: '',
              action: 'export.truncated',
              objectType: null,
              objectId: null,
              details: {
                nextBefore: result.nextBefore,
                note: `older entries are not in this file; export again with before=${result.nextBefore}`,
              },
              ip: null,
            },
          ]
        : items;
      return downloadTables(c, format, downloadLanguage(c, lang), 'audit-log', [auditLogTable(rows)], {
        'Export-Truncated': result.nextBefore ? 'true' : 'false',
      }) as never;
    }
    return c.json({ items, ...(result.nextBefore ? { nextBefore: result.nextBefore } : {}) }, 200);
  });
}
