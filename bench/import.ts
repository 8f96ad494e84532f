/**
 * Benchmark of the report import (issue 12, decision 028): a 100,000-row CSV file uploaded through
 * the real app (`POST /contracts/{id}/reports/{period}/imports`: body limit, parsing, checking and
 * valuing every row, saving all in one transaction), on PGlite in memory and on PostgreSQL, the
 * median of several runs, each into a contract and candidates of its own. Beside it the time of a
 * bare `COPY` of the same rows, as stored, into `activities` of the same database (rolled back):
 * the floor any import has to stand on.
 *   node --import tsx bench/import.ts [rows] [runs]
 * PostgreSQL: BENCH_DATABASE_URL, or the local postgres://postgres@127.0.0.1:5432/postgres; a
 * scratch database is created there and dropped at the end (skipped when none answers).
 * BENCH_ONLY=pglite or BENCH_ONLY=postgres runs one of the two.
 */
import { sql } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../src/db/client.ts';
import { benchApp } from './bench-app.ts';
import { createMunicipality } from '../test/lifecycle-fixtures.ts';

const rowCount = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * A half-year report as a supplier would fill it: internships, jobs of candidates with a code of
 * their own (every tenth candidate twice at half time), training money and initiative hours.
 */
function reportFile(rows: number, prefix: string): string {
  const lines = ['Soort activiteit;Kandidaat;FTE;Maanden;Aantal;Uren;Bedrag (€);Omschrijving'];
  for (let i = 0; i < rows; i++) {
    const kind = i % 10;
    if (kind < 4) lines.push(`internship;;;;${1 + (i % 3)};;;Stageplek ${i}`);
    else if (kind < 6) lines.push(`job-benefits;${prefix}-${i};1;6;;;;Baan ${i}`);
    else if (kind === 6) lines.push(`job-benefits;${prefix}-${i};0,5;6;;;;Halve baan ${i}`);
    else if (kind === 7) lines.push(`job-benefits;${prefix}-${i - 1};0,5;6;;;;Halve baan ${i}`);
    else if (kind === 8) lines.push(`training;;;;;;1.234,56;Opleiding ${i}`);
    else lines.push(`initiative-hours;;;;;${8 + (i % 5)};;Uren voor initiatief ${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

interface Target {
  name: 'pglite' | 'postgres';
  database: Database;
  url?: string;
  drop?: () => Promise<void>;
}

async function postgresTarget(): Promise<Target | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL skipped: nothing answers at ${adminUrl} (${(error as Error).message})`);
    return undefined;
  }
  const name = `retour_bench_import_${process.pid}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() }, { migrate: true });
  return {
    name: 'postgres',
    database,
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name}`);
      await again.end();
    },
  };
}

/** The imported rows of a contract as CSV in the column order of `columns`, for COPY. */
async function storedRowsCsv(database: Database, contractId: string) {
  const result = await database.db.execute(
    sql`select row_to_json(a) as r from activities a where contract_id = ${contractId} order by created_at`,
  );
  const rows = ((result as unknown as { rows: { r: Record<string, unknown> }[] }).rows ?? result).map(
    (x) => x.r,
  );
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'id');
  const cell = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'object'
        ? `"${JSON.stringify(v).replace(/"/g, '""')}"`
        : `"${String(v).replace(/"/g, '""')}"`;
  const text = rows.map((r) => columns.map((c) => cell(r[c])).join(',')).join('\n') + '\n';
  return { columns, text, count: rows.length };
}

/** A bare COPY of the rows into activities inside a transaction that is rolled back; its time in ms. */
async function copyTime(target: Target, csv: { columns: string[]; text: string }): Promise<number> {
  const copy = `copy activities (${csv.columns.join(', ')}) from %s with (format csv)`;
  if (target.name === 'pglite') {
    const client = (target.database.db as unknown as { $client: PGlite }).$client;
    await client.exec('begin');
    const t0 = performance.now();
    await client.query(copy.replace('%s', `'/dev/blob'`), [], { blob: new Blob([csv.text]) });
    const ms = performance.now() - t0;
    await client.exec('rollback');
    return ms;
  }
  // COPY FROM STDIN through psql (node-postgres has no COPY of its own), timed by psql itself
  const dir = mkdtempSync(join(tmpdir(), 'retour-copy-'));
  const file = join(dir, 'rows.csv');
  writeFileSync(file, csv.text);
  const out = spawnSync(
    'psql',
    [
      target.url ?? '',
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      'begin',
      '-c',
      '\\timing on',
      '-c',
      `\\${copy.replace('%s', `'${file}'`)}`,
      '-c',
      'rollback',
    ],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const time = /Time: ([\d.]+) ms/.exec(out.stdout ?? '');
  if (out.status !== 0 || !time) throw new Error(`psql COPY failed: ${out.stderr || out.error?.message}`);
  return Number(time[1]);
}

async function bench(target: Target) {
  const { database } = target;
  const { app, dataDir } = benchApp(database.db);
  const m = await createMunicipality(database.db);
  const times: number[] = [];
  let lastContract = '';
  let bytes = 0;
  // one warm-up run of 1,000 rows (code paths compiled, policy cached), then the measured runs
  for (let run = -1; run < runs; run++) {
    const created = await app.request('/api/v1/contracts', {
      method: 'POST',
      headers: m.advisor.headers,
      body: JSON.stringify({
        reference: `BENCH-IMPORT-${target.name}-${run + 1}`,
        title: 'Benchmark import',
        supplierId: m.supplier.id,
        valueCents: 125_000_000,
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        awardDate: '2025-11-15',
      }),
    });
    if (created.status !== 201) throw new Error(`contract: ${created.status} ${await created.text()}`);
    const contract = (await created.json()) as { id: string };
    const n = run < 0 ? 1_000 : rowCount;
    const body = new TextEncoder().encode(reportFile(n, `R${run + 1}`));
    bytes = body.byteLength;
    const t0 = performance.now();
    const res = await app.request(`/api/v1/contracts/${contract.id}/reports/2026-H1/imports`, {
      method: 'POST',
      headers: {
        Authorization: m.supplierUser.headers.Authorization,
        'Content-Type': 'text/csv',
        'Accept-Language': 'nl',
      },
      body,
    });
    const answer = (await res.json()) as { created?: number; errors?: unknown[] };
    const ms = performance.now() - t0;
    if (res.status !== 200 || answer.created !== n)
      throw new Error(`import: ${res.status} ${JSON.stringify(answer.errors?.slice(0, 3))}`);
    if (run >= 0) {
      times.push(ms);
      lastContract = contract.id;
      console.log(`  ${target.name} run ${run + 1}: ${seconds(ms)} (load average ${load()})`);
    }
  }
  let t0 = performance.now();
  const csv = await storedRowsCsv(database, lastContract);
  console.log(`  ${target.name}: read back the stored rows for COPY in ${seconds(performance.now() - t0)}`);
  if (csv.count !== rowCount) throw new Error(`expected ${rowCount} stored rows, found ${csv.count}`);
  const copies: number[] = [];
  for (let run = 0; run < runs; run++) {
    t0 = performance.now();
    copies.push(await copyTime(target, csv));
    console.log(
      `  ${target.name} COPY ${run + 1}: ${seconds(copies.at(-1) ?? 0)} (${seconds(performance.now() - t0)} with transaction)`,
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
  return {
    target: target.name,
    import: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    copy: median(copies),
    bytes,
  };
}

const results = [];
console.log(
  `report import of ${rowCount.toLocaleString('en')} rows, ${runs} runs each, load average ${load()}`,
);
const only = process.env.BENCH_ONLY;
if (only !== 'postgres') {
  const lite = await openDatabase({ kind: 'pglite' }, { migrate: true });
  results.push(await bench({ name: 'pglite', database: lite }));
  await lite.close();
}
const postgres = only === 'pglite' ? undefined : await postgresTarget();
if (postgres)
  try {
    results.push(await bench(postgres));
  } finally {
    await postgres.database.close();
    await postgres.drop?.();
  }
console.log(`\nnode ${process.version}, load average after ${load()} (1, 5, 15 min; 2 cores, shared)`);
console.log('| database | import (median) | min–max | bare COPY (median) | import / COPY | file | goal |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.target} | ${seconds(r.import)} | ${seconds(r.min)}–${seconds(r.max)} | ${seconds(r.copy)} | ${(r.import / r.copy).toFixed(1)}× | ${(r.bytes / 1024 / 1024).toFixed(1)} MB | ${r.target === 'postgres' ? (r.import <= 10_000 ? 'ok (≤ 10 s)' : 'over 10 s') : 'reported'} |`,
  );
