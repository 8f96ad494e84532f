// Writes the served OpenAPI document to openapi.json and lints it with the NLGov API Design Rules.
import { writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { createApp } from '../src/http/app.ts';
import type { Db } from '../src/db/client.ts';
import * as schema from '../src/db/schema/index.ts';

const ruleset = ['../shared/checks/nlgov-adr-ruleset.yaml', 'docs/nlgov-adr-ruleset.yaml'].find((p) =>
  existsSync(p),
);
const client = await PGlite.create();
const db = drizzle(client, { schema }) as unknown as Db;
const config = {
  port: 0,
  dataDir: '',
  filesDir: '',
  publicUrl: 'http://localhost',
  secure: false,
  apiVersion: '0.1.0',
};
const app = createApp({ db, config, now: () => new Date() });
const doc = await (await app.request('/api/v1/openapi.json')).json();
writeFileSync('openapi.json', JSON.stringify(doc, null, 2));
await client.close();
if (!ruleset) {
  console.error('No ADR ruleset found (../shared/checks or docs/).');
  process.exit(1);
}
try {
  execFileSync('npx', ['spectral', 'lint', '--fail-severity', 'error', '-r', ruleset, 'openapi.json'], {
    stdio: 'inherit',
  });
} catch {
  process.exit(1);
}
