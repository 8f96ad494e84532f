import { and, desc, eq, gte, like, lt, lte } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';

export interface AuditQuery {
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Entries older than this id (paging backwards). */
  before?: number | undefined;
  limit?: number | undefined;
}

/** The municipality's audit trail, newest first, filtered and paged. Read-only: nobody edits it. */
export const listAuditLog = defineUseCase({
  name: 'auditLog.list',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: AuditQuery) {
    const limit = Math.min(Math.max(input.limit ?? 100, 1), 10_000);
    const rows = await deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tenantOf(actor)),
          ...(input.action ? [like(auditLog.action, `${input.action.replace(/[%_]/g, '')}%`)] : []),
          ...(input.from ? [gte(auditLog.at, new Date(`${input.from}T00:00:00Z`))] : []),
          ...(input.to ? [lte(auditLog.at, new Date(`${input.to}T23:59:59.999Z`))] : []),
          ...(input.before ? [lt(auditLog.id, input.before)] : []),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextBefore: rows.length > limit ? items.at(-1)?.id : undefined };
  },
});
