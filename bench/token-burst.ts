/**
 * Benchmark of token bookkeeping (issue 15): 50 concurrent clients share one fresh API token and read
 * at once. The first burst must show no queue behind "last used" writes: p99 within 3× p50.
 *   node --import tsx bench/token-burst.ts [requests per burst] [connections]
 * Runs the real server (compiled, as `npm start` does; `npm run build` first) in a child process on
 * the embedded database in a temporary folder, or on DATABASE_URL when set, and autocannon against it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { addTenant, addToken, addUser } from '../src/app/admin/provision.ts';
import { configFromEnv } from '../src/config.ts';
import { openDatabase, targetFromEnv } from '../src/db/client.ts';
import { serverNodeArgs } from './server-command.mjs';

const amount = Number(process.argv[2] ?? 2000);
const connections = Number(process.argv[3] ?? 50);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(join(tmpdir(), 'retour-bench-'));
const port = await freePort();
const env = { ...process.env, RETOUR_DATA_DIR: dataDir, PORT: String(port), RETOUR_NO_DEMO: '1' };
const config = configFromEnv(env);
const slug = `bench-${port}`;

// A municipality, an advisor and a token, written before the server starts (the CLI's way).
const database = await openDatabase(targetFromEnv(env, config.dataDir));
const deps = { db: database.db, config, now: () => new Date() };
await addTenant(deps, { slug, name: 'Gemeente Bench', preset: 'amsterdam' });
await addUser(deps, {
  email: `advisor@${slug}.test`,
  tenant: slug,
  role: 'advisor',
  password: 'a bench password',
});
const { token } = await addToken(deps, { tenant: slug, email: `advisor@${slug}.test`, name: 'bench' });
const { token: warmUpToken } = await addToken(deps, {
  tenant: slug,
  email: `advisor@${slug}.test`,
  name: 'warm-up',
});
await database.close();

// as `npm start` runs it: the compiled server with the start script's node flags (tsx when not built)
const entry = existsSync('dist/server/main.js') ? serverNodeArgs() : ['--import', 'tsx', 'src/main.ts'];
const server = spawn(process.execPath, [...entry, '--no-demo'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('Retour is running')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`server stopped (${code})`)));
});

async function burst(label: string, path: string, bearer = token, requests = amount) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections,
    amount: requests,
    headers: { Authorization: `Bearer ${bearer}` },
  });
  const { p50, p99, max } = result.latency;
  const ok = p99 <= 3 * Math.max(p50, 1);
  console.log(
    `${label.padEnd(34)} ${String(result.requests.total).padStart(6)} req, non-2xx ${result.non2xx}, errors ${result.errors}; latency p50 ${p50} ms, p99 ${p99} ms, max ${max} ms → ${ok ? 'ok (p99 ≤ 3× p50)' : 'QUEUE: p99 > 3× p50'}`,
  );
  return ok;
}

let allOk = true;
try {
  console.log(
    `${connections} connections on one token, ${amount} requests per burst, ${database.kind}, node ${process.version}`,
  );
  // The server warms up (JIT, caches) on another token; the measured token is still unused.
  await burst('warm-up, another token', '/api/v1/me', warmUpToken, 500);
  allOk = (await burst('first burst, GET /me (fresh token)', '/api/v1/me')) && allOk;
  allOk = (await burst('second burst, GET /contracts', '/api/v1/contracts')) && allOk;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(allOk ? 0 : 1);
