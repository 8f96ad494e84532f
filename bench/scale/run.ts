/**
 * `npm run bench:scale` (issue 14): loads a big city into PGlite and the nation into PostgreSQL
 * (once; later runs reuse them), starts Retour on each as its own process, and times the portfolio
 * endpoints over HTTP (30 runs after a warm-up, p50/p95), beside a hand-written SQL query that
 * returns the same totals; then server memory, and throughput under 50 clients (autocannon) beside
 * a bare Hono hello-world on the same machine in the same run.
 *
 *   npm run bench:scale                     both scales
 *   npm run bench:scale -- city|national    one
 *   SCALE_DATABASE_URL=postgres://…         the server for the national data (default: local, trust)
 *   SCALE_DIR=…                             where the PGlite data folder is kept (default: tmp)
 *   SCALE_ONLY=load                         only the load part on the national data (under a minute
 *                                           once loaded): hello-world, /health, one contract read
 *   SCALE_LOAD=0                            everything but the load part
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../src/db/client.ts';
import { benchToken, citySlug, loadScale, scales, type ScaleSpec } from './load.ts';
import { serverNodeArgs } from '../server-command.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.env.SCALE_RUNS ?? 30);
const onlyLoad = process.env.SCALE_ONLY === 'load';
const which = onlyLoad ? 'national' : process.argv[2];
const scaleDir = process.env.SCALE_DIR ?? join(tmpdir(), 'retour-scale');
const serverUrl = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The totals of the dashboard as one hand-written SQL query (caps per contract and category). */
function handSql(slug: string, upToPeriod: string) {
  return `
    with t as (select id from tenants where slug = '${slug}'),
    c as (select c.id, c.obligation_cents, pv.policy from contracts c join policy_versions pv on pv.id = c.policy_version_id
          where c.tenant_id = (select id from t)),
    s as (
      select a.contract_id, a.category,
        sum(a.value_cents) filter (where a.verification <> 'rejected') as realised,
        sum(a.value_cents) filter (where a.verification = 'accepted') as verified
      from activities a join reports r on r.id = a.report_id
      where a.tenant_id = (select id from t) and a.period <= '${upToPeriod}'
        and not exists (select 1 from reports r2 where r2.contract_id = r.contract_id and r2.period = r.period and r2.version > r.version)
      group by 1, 2),
    capped as (
      select s.contract_id,
        least(coalesce(s.realised, 0), coalesce(round((c.policy->'categoryCapsBp'->>s.category)::numeric * c.obligation_cents / 10000), 1e18)) as realised,
        least(coalesce(s.verified, 0), coalesce(round((c.policy->'categoryCapsBp'->>s.category)::numeric * c.obligation_cents / 10000), 1e18)) as verified
      from s join c on c.id = s.contract_id)
    select (select count(*) from c) as contracts, (select sum(obligation_cents) from c)::text as obligation,
      (select sum(realised) from capped)::text as realised, (select sum(verified) from capped)::text as verified`;
}

async function timeSql(query: Query, sql: string) {
  for (let i = 0; i < 3; i++) await query(sql);
  const times: number[] = [];
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = (await query(sql)).rows;
    times.push(performance.now() - t);
  }
  return { times, row: rows[0] ?? {} };
}

interface Server {
  base: string;
  child: ChildProcess;
  readyMs: number;
  log(): string;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  // as `npm start` runs it (its node flags: the heap limit above all)
  const entry = existsSync(join(root, 'dist/server/main.js'))
    ? serverNodeArgs()
    : ['--import', 'tsx', 'src/main.ts'];
  const t0 = performance.now();
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', RETOUR_NO_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - t0;
  return {
    base,
    child,
    readyMs,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const rss = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMiB: kb('VmRSS'), peakMiB: kb('VmHWM') };
};

const auth = { Authorization: `Bearer ${benchToken}` };

/** A write that changes the portfolio (a contract's title): the next portfolio read computes it anew. */
const titleChange = (base: string, id: string) => {
  let n = 0;
  return async () => {
    const r = await fetch(`${base}/contracts/${id}`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `Onderhoud (bench ${++n})` }),
    });
    if (!r.ok) throw new Error(`${r.status} PATCH /contracts/${id}: ${await r.text()}`);
  };
};

async function timeGet(url: string, before?: () => Promise<void>) {
  const get = async () => {
    const r = await fetch(url, { headers: auth });
    if (!r.ok) throw new Error(`${r.status} ${url}: ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  let body: Record<string, unknown> = {};
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t = performance.now();
    body = await get();
    times.push(performance.now() - t);
  }
  return { times, body };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
const cpuSeconds = (pid: number | undefined) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks of 1/100 s (fields 14 and 15 of stat(5))
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

/**
 * 50 clients for 10 s on one address; with the server's pid, also the CPU time the server spent per
 * answer, which other work on a shared machine disturbs less than the rate does.
 */
async function load(url: string, headers: Record<string, string> = {}, pid?: number) {
  const cpu0 = cpuSeconds(pid);
  const r = await autocannon({ url, connections: 50, duration: 10, headers });
  return {
    cpuUs: (1e6 * (cpuSeconds(pid) - cpu0)) / r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

interface Row {
  measure: string;
  p50: number;
  p95: number;
  goal: string;
}

async function endpoints(server: Server, asOf: string, sql: { times: number[] }, dashboardGoal: number) {
  const rows: Row[] = [];
  const add = (measure: string, times: number[], goal: string) =>
    rows.push({ measure, p50: pct(times, 50), p95: pct(times, 95), goal });
  const dash = await timeGet(`${server.base}/dashboard?asOf=${asOf}`);
  add('dashboard', dash.times, `p95 ≤ ${dashboardGoal} ms`);
  add('hand-written SQL of the same totals', sql.times, 'reference');
  const first = await timeGet(`${server.base}/contracts?limit=50`);
  add('contract list, first page (50, by reference)', first.times, 'p95 ≤ 50 ms');
  const cursor = String(first.body.nextCursor ?? '');
  add(
    'contract list, next page (cursor)',
    (await timeGet(`${server.base}/contracts?limit=50&cursor=${cursor}`)).times,
    'p95 ≤ 50 ms',
  );
  add(
    'contract list sorted by value, descending',
    (await timeGet(`${server.base}/contracts?limit=50&sort=-valueCents`)).times,
    'p95 ≤ 50 ms',
  );
  add(
    'contract list sorted by status (progress of all)',
    (await timeGet(`${server.base}/contracts?limit=50&sort=status`)).times,
    'p95 ≤ 50 ms',
  );
  add(
    'contract list filtered by status behind',
    (await timeGet(`${server.base}/contracts?limit=50&status=behind`)).times,
    'p95 ≤ 50 ms',
  );
  const items = first.body.items as { id: string }[];
  const one = items[0]?.id ?? '';
  // The two above are answered from the portfolio snapshot while nothing changes; after a write it
  // is computed anew (decision 025): the cold path, each time.
  const write = titleChange(server.base, one);
  add(
    'dashboard, each after a write (computed anew)',
    (await timeGet(`${server.base}/dashboard?asOf=${asOf}`, write)).times,
    `p95 ≤ ${dashboardGoal} ms`,
  );
  add(
    'contract list sorted by status, each after a write',
    (await timeGet(`${server.base}/contracts?limit=50&sort=status`, write)).times,
    'p95 ≤ 50 ms',
  );
  add(
    'one contract’s progress',
    (await timeGet(`${server.base}/contracts/${one}/progress`)).times,
    'keep (≈10 ms)',
  );
  return { rows, dashboard: dash.body, contractId: one };
}

function printRows(title: string, rows: Row[], sqlP95: number) {
  console.log(`\n### ${title}\n| measure | p50 | p95 | goal |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.measure} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.goal} |`);
  const dash = rows[0];
  if (dash)
    console.log(
      `| ratio dashboard p95 / SQL p95 | ${(dash.p95 / sqlP95).toFixed(2)}× | | ≤ 2× (PostgreSQL) |`,
    );
}

function checkTotals(dashboard: Record<string, unknown>, row: Record<string, unknown>) {
  const t = dashboard.totals as Record<string, number>;
  const same =
    t.contracts === Number(row.contracts) &&
    t.obligationCents === Number(row.obligation) &&
    t.realisedCents === Number(row.realised ?? 0) &&
    t.verifiedCents === Number(row.verified ?? 0);
  console.log(
    `dashboard totals ${same ? 'equal' : 'DIFFER FROM'} the SQL: ${t.contracts} contracts, obligation ${t.obligationCents}, realised ${t.realisedCents}, verified ${t.verifiedCents} (SQL: ${JSON.stringify(row)})`,
  );
  if (!same) process.exitCode = 1;
}

const asOf = new Date().toISOString().slice(0, 10);
const upTo = `${asOf.slice(0, 4)}-H${Number(asOf.slice(5, 7)) <= 6 ? 1 : 2}`;

async function city() {
  const spec: ScaleSpec = scales.city;
  const dir = join(scaleDir, 'city-pglite');
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.log(`loading the city into PGlite (${dir})`);
    const client = await PGlite.create({ dataDir: dir });
    await migrate(drizzle(client), { migrationsFolder });
    await loadScale((s) => client.exec(s), spec, console.log);
    await client.close();
  }
  const client = await PGlite.create({ dataDir: dir });
  await migrate(drizzle(client), { migrationsFolder });
  const sql = await timeSql((s) => client.query(s), handSql(citySlug, upTo));
  await client.close();
  const server = await startServer({ RETOUR_DATA_DIR: dir });
  try {
    const r = await endpoints(server, asOf, sql, 100);
    printRows(
      `city on PGlite: ${spec.cityContracts} contracts, ${spec.activities} activities`,
      r.rows,
      pct(sql.times, 95),
    );
    checkTotals(r.dashboard, sql.row);
    const mem = rss(server.child.pid ?? 0);
    console.log(
      `server RSS ${mem.rssMiB.toFixed(0)} MiB, peak ${mem.peakMiB.toFixed(0)} MiB (goal ≤ 350 MiB); ready in ${server.readyMs.toFixed(0)} ms`,
    );
  } catch (error) {
    console.error(server.log().slice(-3000));
    throw error;
  } finally {
    await server.stop();
  }
}

async function national() {
  const spec: ScaleSpec = scales.national;
  const url = new URL(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = 'retour_scale_national';
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rowCount;
  url.pathname = `/${name}`;
  let fresh = !exists;
  if (exists) {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    // complete when the last step (the advisor's token) is there
    const n = await c
      .query(
        `select (select count(*) from tenants where slug like 'scale-%')::int as n,
        (select count(*) from api_tokens where name = 'bench')::int as done`,
      )
      .catch(() => ({ rows: [{ n: 0, done: 0 }] }));
    const row = n.rows[0] as { n: number; done: number };
    fresh = row.n !== spec.tenants || row.done !== 1;
    await c.end();
    if (fresh) await admin.query(`drop database ${name} with (force)`);
  }
  if (fresh) {
    await admin.query(`create database ${name}`);
    console.log(`loading the nation into PostgreSQL (${name})`);
    const { openDatabase } = await import('../../src/db/client.ts');
    const d = await openDatabase({ kind: 'postgres', url: url.toString() });
    await d.close();
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await loadScale((s) => c.query(s), spec, console.log);
    await c.end();
  }
  await admin.end();
  if (onlyLoad) {
    // the contract the full run reads under load: the city's first by reference
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const first = await c.query(
      `select c.id from contracts c join tenants t on t.id = c.tenant_id where t.slug = $1
       order by c.reference, c.id limit 1`,
      [citySlug],
    );
    await c.end();
    const server = await startServer({ DATABASE_URL: url.toString() });
    try {
      await underLoad(server, String((first.rows[0] as { id: string }).id));
    } finally {
      await server.stop();
    }
    return;
  }
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  const sql = await timeSql((s) => c.query(s), handSql(citySlug, upTo));
  await c.end();
  const server = await startServer({ DATABASE_URL: url.toString() });
  try {
    const r = await endpoints(server, asOf, sql, 150);
    printRows(
      `national on PostgreSQL: ${spec.tenants} municipalities, ${spec.contracts} contracts, ${spec.activities} activities; the city of ${spec.cityContracts}`,
      r.rows,
      pct(sql.times, 95),
    );
    checkTotals(r.dashboard, sql.row);
    const mem = rss(server.child.pid ?? 0);
    console.log(`server RSS ${mem.rssMiB.toFixed(0)} MiB, peak ${mem.peakMiB.toFixed(0)} MiB`);
    if (process.env.SCALE_LOAD !== '0') await underLoad(server, r.contractId);
  } finally {
    await server.stop();
  }
}

/** 50 clients for 10 s each: a bare Hono hello-world, /health, one signed-in contract read. */
async function underLoad(server: Server, contractId: string) {
  const port = await freePort();
  const hello = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { Hono } from 'hono'; import { serve } from '@hono/node-server';
       const app = new Hono(); app.get('/', (c) => c.text('Hello'));
       serve({ fetch: app.fetch, port: ${port}, hostname: '127.0.0.1' });`,
    ],
    { cwd: root, stdio: 'ignore' },
  );
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const bare = await load(`http://127.0.0.1:${port}/`, {}, hello.pid);
    const health = await load(`${server.base}/health`, {}, server.child.pid);
    const contract = await load(`${server.base}/contracts/${contractId}`, auth, server.child.pid);
    console.log(
      `\n### under load: 50 clients, 10 s each, PostgreSQL (load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(
          ', ',
        )})\n| endpoint | req/s | share of hello-world | p50 | p99 | errors | server CPU per answer | goal |\n|---|---|---|---|---|---|---|---|`,
    );
    for (const [n, r, goal] of [
      ['bare Hono hello-world', bare, 'reference'],
      ['GET /health', health, '≥ 50%'],
      ['GET /contracts/{id} (token)', contract, '≥ 10%, p99 ≤ 5× p50, 0 errors'],
    ] as const)
      console.log(
        `| ${n} | ${r.rps.toFixed(0)} | ${((100 * r.rps) / bare.rps).toFixed(1)}% | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.cpuUs.toFixed(0)} µs | ${goal} |`,
      );
  } finally {
    hello.kill('SIGTERM');
  }
}

if (!which || which === 'city') await city();
if (!which || which === 'national') await national();
