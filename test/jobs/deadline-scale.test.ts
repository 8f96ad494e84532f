import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailOutbox, notices, reports } from '../../src/db/schema/index.ts';
import { markOverdueReports } from '../../src/jobs/report-deadlines.ts';
import { runDeadlineJobs } from '../../src/jobs/scheduler.ts';
import { createContractRows } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { halfYears, loadHistoricalPortfolio } from './portfolio.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ reminderDaysBefore: 14 });
});
afterAll(async () => {
  await t.close();
});

const countOf = async (table: typeof reports | typeof notices | typeof mailOutbox, tenantId: string) => {
  const [row] = await t.deps.db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId));
  return Number(row?.n ?? 0);
};

describe('the deadline job at scale', () => {
  it('marks 10,000 loaded historical reports in seconds, mails nothing about them, and one summary per supplier about the rest', async () => {
    // 1,000 running contracts loaded today, each with ten half-years 2019-H1 … 2023-H2: all past due.
    const w = await loadHistoricalPortfolio(t.deps.db, {
      suppliers: 20,
      contracts: 1_000,
      periods: halfYears('2019-H1', 10),
    });
    // Three suppliers also have two contracts each entered on 1 February 2024: 2023-H2 predates
    // them, 2024-H1 and 2024-H2 do not.
    const tracked = w.supplierIds.slice(0, 3);
    for (const supplierId of tracked)
      for (let i = 0; i < 2; i++) {
        const { contract } = await createContractRows(t.deps.db, {
          tenantId: w.tenantId,
          supplierId,
          period: '2023-H2',
          dueDate: '2024-01-31',
          createdAt: new Date('2024-02-01T09:00:00Z'),
        });
        await t.deps.db.insert(reports).values(
          halfYears('2024-H1', 2).map((h) => ({
            tenantId: w.tenantId,
            contractId: contract.id,
            period: h.period,
            dueDate: h.dueDate,
          })),
        );
      }

    const started = performance.now();
    const result = await runDeadlineJobs(t.deps, new Date('2025-03-01T06:00:00Z'), {
      onlyTenantId: w.tenantId,
    });
    const ms = performance.now() - started;
    console.log(`deadline job over ${result.marked} reports: ${Math.round(ms)} ms (${t.database.kind})`);

    expect(result.opened).toBe(0); // every begun half-year of these contracts has its report
    expect(result.marked).toBe(10_000 + 3 * 2 * 3);
    expect(ms).toBeLessThan(20_000); // seconds, not minutes, even on a busy two-core machine
    const overdue = await t.deps.db
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.tenantId, w.tenantId), eq(reports.status, 'overdue')));
    expect(Number(overdue[0]?.n)).toBe(result.marked);
    const audited = await t.deps.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, w.tenantId), eq(auditLog.action, 'report.overdue')));
    expect(Number(audited[0]?.n)).toBe(result.marked);

    // Notices only for 2024-H1 and 2024-H2 of the six tracked contracts.
    const noticed = await t.deps.db
      .selectDistinct({ period: reports.period })
      .from(notices)
      .innerJoin(reports, eq(reports.id, notices.reportId))
      .where(eq(notices.tenantId, w.tenantId));
    expect(noticed.map((r) => r.period).sort()).toEqual(['2024-H1', '2024-H2']);

    // One message per supplier user (its four reports) and one for the advisor (all twelve).
    const mail = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.tenantId, w.tenantId));
    expect(mail.map((m) => m.to).sort()).toEqual([...w.supplierEmails.slice(0, 3), w.advisorEmail].sort());
    const toSupplier = mail.find((m) => m.to === w.supplierEmails[0]);
    expect(toSupplier?.subject).toBe('Te laat: 4 rapportages');
    expect(toSupplier?.text.match(/^- /gm)).toHaveLength(4);
    expect(mail.find((m) => m.to === w.advisorEmail)?.subject).toBe('Te laat: 12 rapportages');
    expect(result.queued).toBe(4);

    // Nothing more on the next run.
    const again = await runDeadlineJobs(t.deps, new Date('2025-03-01T06:05:00Z'), {
      onlyTenantId: w.tenantId,
    });
    expect(again).toEqual({ opened: 0, marked: 0, queued: 0, stopped: false });
    expect(await countOf(mailOutbox, w.tenantId)).toBe(4);
  }, 120_000);

  it('stops between batches when asked and the next run goes on where it stopped', async () => {
    const w = await loadHistoricalPortfolio(t.deps.db, {
      suppliers: 2,
      contracts: 100,
      periods: halfYears('2020-H1', 5),
    });
    const abort = new AbortController();
    let batches = 0;
    const first = await markOverdueReports(
      t.deps,
      '2025-03-01',
      { onlyTenantId: w.tenantId },
      {
        signal: abort.signal,
        batchSize: 100,
        afterBatch: async () => {
          batches += 1;
          if (batches === 2) abort.abort();
        },
      },
    );
    expect(first).toEqual({ marked: 200, stopped: true });
    const second = await markOverdueReports(
      t.deps,
      '2025-03-01',
      { onlyTenantId: w.tenantId },
      { batchSize: 100 },
    );
    expect(second).toEqual({ marked: 300, stopped: false });
    const open = await t.deps.db
      .select({ n: count() })
      .from(reports)
      .where(
        and(
          eq(reports.tenantId, w.tenantId),
          sql`${reports.status} = 'open' and ${reports.dueDate} < '2025-03-01'`,
        ),
      );
    expect(Number(open[0]?.n)).toBe(0);
  }, 60_000);
});
