/**
 * Benchmark of large exports (issue 11): 100,000 activities of one contract downloaded as CSV and
 * as XLSX through the real app and database (PGlite in memory, or DATABASE_URL), measuring the time
 * to the first byte, the total time, the file size and the memory the export added (peak RSS and
 * heap above the level before it). Streaming means the added memory stays far below the file size.
 *   node --import tsx bench/export.ts [rows]
 */
import { sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { openDatabase } from '../src/db/client.ts';
import { benchApp } from './bench-app.ts';
import { createMunicipality } from '../test/lifecycle-fixtures.ts';

const rows = Number(process.argv[2] ?? 100_000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const database = await openDatabase(
  process.env.DATABASE_URL ? { kind: 'postgres', url: process.env.DATABASE_URL } : { kind: 'pglite' },
  { migrate: true },
);
const { app, dataDir } = benchApp(database.db);
const m = await createMunicipality(database.db);
const created = await app.request('/api/v1/contracts', {
  method: 'POST',
  headers: m.advisor.headers,
  body: JSON.stringify({
    reference: `BENCH-${Date.now()}`,
    title: 'Benchmark',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    awardDate: '2025-11-15',
  }),
});
const contract = (await created.json()) as { id: string };
const t0 = performance.now();
await database.db.execute(sql`
  insert into activities (tenant_id, contract_id, report_id, type_code, category, method, period, units,
    value_cents, rule_id, explanation, explanation_nl, description, verification, created_at)
  select r.tenant_id, r.contract_id, r.id, 'internship', 'participation', 'unit', r.period, 1 + (g % 3),
    250000 * (1 + (g % 3)), 'unit', (1 + (g % 3)) || ' × €2.500,00 = €' || (2500 * (1 + (g % 3))) || ',00',
    (1 + (g % 3)) || ' × € 2.500,00 = € ' || (2500 * (1 + (g % 3))) || ',00', 'Stageplek ' || g,
    case when g % 4 = 0 then 'accepted' else 'pending' end, now() + g * interval '1 millisecond'
  from generate_series(1, ${rows}) g
  join reports r on r.contract_id = ${contract.id} and r.period = '2026-H1'`);
// PostgreSQL's autovacuum would analyse after such a load; PGlite has none, so do it here.
await database.db.execute(sql`analyze activities`);
console.log(`inserted ${rows.toLocaleString('en')} activities in ${(performance.now() - t0).toFixed(0)} ms`);

async function measure(format: 'csv' | 'xlsx') {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  const start = performance.now();
  const res = await app.request(`/api/v1/contracts/${contract.id}/activities?format=${format}&lang=nl`, {
    headers: m.advisor.headers,
  });
  if (res.status !== 200 || !res.body) throw new Error(`${format}: ${res.status} ${await res.text()}`);
  const reader = res.body.getReader();
  let firstByte = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByte) firstByte = performance.now() - start;
    bytes += value.byteLength;
  }
  const total = performance.now() - start;
  clearInterval(sampler);
  return {
    format,
    firstByte,
    total,
    bytes,
    rss: peakRss - before.rss,
    heap: peakHeap - before.heapUsed,
    peakRss,
  };
}

const results = [await measure('csv'), await measure('xlsx')];
console.log(`\n${rows.toLocaleString('en')} activity rows, node ${process.version}, ${database.kind}`);
console.log('| export | first byte | total | file | added peak RSS | added peak heap | peak RSS (process) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.format} | ${r.firstByte.toFixed(0)} ms ${r.firstByte <= 1_000 ? '(ok ≤ 1 s)' : '(over 1 s)'} | ${(r.total / 1000).toFixed(1)} s | ${mb(r.bytes)} | ${mb(r.rss)} | ${mb(r.heap)} | ${mb(r.peakRss)} |`,
  );
await database.close();
rmSync(dataDir, { recursive: true, force: true });
