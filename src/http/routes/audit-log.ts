import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { listAuditLog } from '../../app/identity/audit-log.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { apiVersionHeader, errorResponses, IsoDateSchema } from '../openapi.ts';

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
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'csv downloads the entries (semicolon separated, for Excel)' }),
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
            'CSV only: true when older entries were left out (the last row, action export.truncated, says from where to go on)',
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
      },
    },
    ...errorResponses,
  },
});

export function auditLogRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(route, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const result = await execute(
      listAuditLog,
      c.var.deps,
      c.var.actor,
      format === 'csv' ? { ...query, limit: query.limit ?? 10_000 } : query,
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
    if (format === 'csv') {
      const rows: Record<string, unknown>[] = items.map((e) => ({
        ...e,
        details: JSON.stringify(e.details),
      }));
      // Said in the file itself, where whoever opens it sees it: a last row naming where to go on.
      if (result.nextBefore)
        rows.push({
          action: 'export.truncated',
          details: JSON.stringify({
            nextBefore: result.nextBefore,
            note: `older entries are not in this file; export again with before=${result.nextBefore}`,
          }),
        });
      const csv = stringify(
        rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, spreadsheetSafe(v)]))),
        {
          header: true,
          bom: true,
          delimiter: ';',
          columns: [
            'id',
            'at',
            'actorLabel',
            'actorUserId',
            'action',
            'objectType',
            'objectId',
            'details',
            'ip',
          ],
        },
      );
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="audit-log.csv"',
        'Export-Truncated': result.nextBefore ? 'true' : 'false',
      });
    }
    return c.json({ items, ...(result.nextBefore ? { nextBefore: result.nextBefore } : {}) }, 200);
  });
}

/**
 * A cell a spreadsheet will not run as a formula (CSV injection): text starting with = + - @, a
 * tab or a carriage return gets a leading apostrophe. Numbers stay numbers.
 */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
