/**
 * Benchmark of the contract import (issue 12, decision 029): a 100,000-row contract CSV sent to
 * `POST /api/v1/contract-imports` of the real app (upload limit, reading, checking, valuing and saving
 * in one transaction), on PGlite and on PostgreSQL; median of the runs, each into a fresh
 * municipality, beside a bare `COPY` of the same contract rows (as the import stored them) into
 * `contracts`. Goal: ≤ 10 s on PostgreSQL. The load average is printed beside each number (the
 * machine may be shared).
 *
 *   node --import tsx bench/contract-import.ts [rows] [runs] [pglite|postgres|both]
 *   BENCH_DATABASE_URL=postgres://…   the server for a scratch database (default: local, trust);
 *                                      the scratch database is created and dropped by the bench
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashSecret, newSecret } from '../src/app/tokens.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { settleLastUsed } from '../src/db/last-used.ts';
import { apiTokens, memberships, policyVersions, suppliers, tenants, users } from '../src/db/schema/index.ts';
import { getPreset } from '../src/domain/index.ts';
import { defaultMaxImportBytes } from '../src/http/upload-limit.ts';
import { benchApp } from './bench-app.ts';

const rowCount = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const which = process.argv[4] ?? 'both';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const supplierCount = 2_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const load = () => loadavg()[0]!.toFixed(2);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A municipality with the Amsterdam preset from 2020, half the suppliers stored, an advisor with a token. */
async function municipality(db: Database['db'], managerEmail: string) {
  const slug = `bench-${randomBytes(4).toString('hex')}`;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug, name: `Gemeente ${slug}` })
    .returning();
  if (!tenant) throw new Error('no tenant');
  await db.insert(policyVersions).values({
    tenantId: tenant.id,
    version: 1,
    validFrom: '2020-01-01',
    policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' },
  });
  await db.insert(suppliers).values(
    Array.from({ length: supplierCount / 2 }, (_, s) => ({
      tenantId: tenant.id,
      name: `Leverancier ${s} B.V.`,
      kvkNumber: kvkOf(s),
    })),
  );
  const [advisor] = await db
    .insert(users)
    .values({ email: `advisor-${slug}@example.test`, name: 'advisor' })
    .returning();
  const [manager] = await db.insert(users).values({ email: managerEmail, name: 'manager' }).returning();
  if (!advisor || !manager) throw new Error('no users');
  const [membership] = await db
    .insert(memberships)
    .values({ userId: advisor.id, tenantId: tenant.id, role: 'advisor' })
    .returning();
  await db.insert(memberships).values({ userId: manager.id, tenantId: tenant.id, role: 'contractManager' });
  if (!membership) throw new Error('no membership');
  const token = newSecret('rt_');
  await db.insert(apiTokens).values({
    tokenHash: hashSecret(token),
    name: 'bench',
    userId: advisor.id,
    membershipId: membership.id,
    tenantId: tenant.id,
  });
  return { tenantId: tenant.id, token };
}

const kvkOf = (s: number) => String(20_000_000 + s * 7);

/** The contract file a municipality exports from its contract system: Dutch headers, amounts and dates. */
function contractCsv(rows: number, prefix: string, managerEmail: string): string {
  const lines = [
    'referentie;titel;kvk-nummer;leverancier;waarde;startdatum;einddatum;gunningsdatum;soort;contractmanager',
  ];
  for (let i = 0; i < rows; i++) {
    const s = i % supplierCount;
    const euros = 5_000 + ((i * 7919) % 4_000_000);
    const year = 2024 + (i % 4);
    const month = 1 + (i % 12);
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = `${year + 1 + (i % 3)}-${String(month).padStart(2, '0')}-01`;
    lines.push(
      [
        `${prefix}-${i}`,
        `Onderhoud openbare ruimte perceel ${i}`,
        kvkOf(s),
        `Leverancier ${s} B.V.`,
        `${euros.toLocaleString('nl-NL')},${String(i % 100).padStart(2, '0')}`,
        start,
        end,
        i % 5 === 0 ? '' : start,
        i % 3 === 0 ? 'werken' : 'diensten',
        i % 10 === 0 ? managerEmail : '',
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

const contractCopyColumns = [
  'id',
  'tenant_id',
  'reference',
  'title',
  'supplier_id',
  'contract_manager_id',
  'kind',
  'value_cents',
  'start_date',
  'end_date',
  'max_extent_date',
  'award_date',
  'policy_version_id',
  'obligation_cents',
  'regime',
  'obligation_rule_id',
  'obligation_explanation',
  'obligation_explanation_nl',
];

/**
 * The contract rows as the import stored them, as COPY CSV for another municipality (new ids): its
 * own suppliers (the same KvK numbers, made here, outside the timing) and its own policy version,
 * as the keys of decision 033 ask.
 */
async function copyCsvOf(db: Database['db'], fromTenant: string, toTenant: string): Promise<string> {
  await db.execute(
    sql`insert into suppliers (tenant_id, name, kvk_number)
        select ${toTenant}, name, kvk_number from suppliers where tenant_id = ${fromTenant}
        on conflict (tenant_id, kvk_number) do nothing`,
  );
  const select = contractCopyColumns.map((c) =>
    c === 'supplier_id'
      ? 'theirs.id as supplier_id'
      : c === 'policy_version_id'
        ? 'policy.id as policy_version_id'
        : `c.${c}`,
  );
  const result = (await db.execute(
    sql`select ${sql.raw(select.join(', '))}
        from contracts c
        join suppliers ours on ours.id = c.supplier_id
        join suppliers theirs on theirs.tenant_id = ${toTenant} and theirs.kvk_number = ours.kvk_number
        cross join (select id from policy_versions where tenant_id = ${toTenant} order by version limit 1) policy
        where c.tenant_id = ${fromTenant}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return `"${text.replaceAll('"', '""')}"`;
  };
  return result.rows
    .map((r) =>
      contractCopyColumns
        .map((c) => (c === 'id' ? randomUUID() : c === 'tenant_id' ? toTenant : cell(r[c])))
        .join(','),
    )
    .join('\n');
}

const copySql = `copy contracts (${contractCopyColumns.join(', ')}) from stdin with (format csv)`;

async function copyInto(database: Database, url: string | null, csv: string): Promise<number> {
  const t0 = performance.now();
  if (database.kind === 'pglite') {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await client.query(copySql.replace('from stdin', "from '/dev/blob'"), [], { blob: new Blob([csv]) });
  } else {
    // node-postgres has no COPY FROM STDIN of its own: psql streams it (its start is in the time)
    await new Promise<void>((resolve, reject) => {
      const child = spawn('psql', [url ?? '', '-v', 'ON_ERROR_STOP=1', '-qc', copySql], {
        stdio: ['pipe', 'ignore', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
      child.stdin.end(csv);
    });
  }
  return performance.now() - t0;
}

async function bench(kind: 'pglite' | 'postgres') {
  let scratch: string | null = null;
  let url: string | null = null;
  if (kind === 'postgres') {
    scratch = `retour_bench_import_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${scratch}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${scratch}`;
    url = u.toString();
  }
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite' });
  const { app, deps, dataDir } = benchApp(database.db);
  try {
    const upload = async (token: string, csv: string) => {
      const res = await app.request('/api/v1/contract-imports?dryRun=false', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
        body: new TextEncoder().encode(csv),
      });
      const body = (await res.json()) as { created?: number; errors?: unknown[] };
      if (res.status !== 200 || body.created === undefined)
        throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
      return body.created;
    };

    // warm-up: a small file into a municipality of its own
    {
      const email = `manager-${randomBytes(4).toString('hex')}@example.test`;
      const m = await municipality(database.db, email);
      await upload(m.token, contractCsv(1_000, 'WARM', email));
    }
    const importTimes: number[] = [];
    const importLoads: string[] = [];
    let lastTenant = '';
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      const email = `manager-${randomBytes(4).toString('hex')}@example.test`;
      const m = await municipality(database.db, email);
      const csv = contractCsv(rowCount, `C${r}`, email);
      bytes = Buffer.byteLength(csv);
      const t0 = performance.now();
      const created = await upload(m.token, csv);
      importTimes.push(performance.now() - t0);
      importLoads.push(load());
      console.log(
        `  ${kind} import run ${r + 1}: ${seconds(importTimes[r]!)} (load average ${importLoads[r]})`,
      );
      if (created !== rowCount) throw new Error(`created ${created} of ${rowCount}`);
      lastTenant = m.tenantId;
    }
    const [{ n: reports } = { n: 0 }] = (
      (await database.db.execute(
        sql`select count(*)::int as n from reports where tenant_id = ${lastTenant}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    const copyTimes: number[] = [];
    const copyLoads: string[] = [];
    for (let r = 0; r < runs; r++) {
      const target = await municipality(
        database.db,
        `manager-${randomBytes(4).toString('hex')}@example.test`,
      );
      const csv = await copyCsvOf(database.db, lastTenant, target.tenantId);
      copyTimes.push(await copyInto(database, url, csv));
      copyLoads.push(load());
    }
    const imported = median(importTimes);
    const copied = median(copyTimes);
    const limit = deps.config.maxImportBytes ?? defaultMaxImportBytes;
    console.log(
      `\n${kind}: ${rowCount.toLocaleString('en')} contracts (${(bytes / 1024 / 1024).toFixed(1)} MiB CSV, import limit ${(limit / 1024 / 1024).toFixed(0)} MiB), ${reports.toLocaleString('en')} half-year reports each; median of ${runs} runs after a warm-up`,
    );
    console.log('| measure | median | runs (load average) | goal |\n|---|---|---|---|');
    const runList = (xs: number[], loads: string[]) =>
      xs.map((x, i) => `${seconds(x)} (${loads[i]})`).join(', ');
    console.log(
      `| POST /contract-imports, ${rowCount.toLocaleString('en')} rows | ${seconds(imported)} | ${runList(importTimes, importLoads)} | ${kind === 'postgres' ? (imported <= 10_000 ? 'ok (≤ 10 s)' : 'over 10 s') : 'reported'} |`,
    );
    console.log(
      `| bare COPY of the same contract rows | ${seconds(copied)} | ${runList(copyTimes, copyLoads)} | |`,
    );
    console.log(`| ratio import / COPY | ${(imported / copied).toFixed(1)}× | | |`);
  } finally {
    await settleLastUsed();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (scratch) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${scratch} with (force)`);
      await admin.end();
    }
  }
}

console.log(
  `contract import benchmark, node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
if (which === 'both' || which === 'postgres') await bench('postgres');
if (which === 'both' || which === 'pglite') await bench('pglite');
