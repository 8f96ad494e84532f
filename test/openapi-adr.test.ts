import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ruleset = ['../shared/checks/nlgov-adr-ruleset.yaml', 'docs/nlgov-adr-ruleset.yaml'].find((p) =>
  existsSync(p),
)!;

it('passes the NLGov API Design Rules linter with zero errors', async () => {
  const doc = await (await t.app.request('/api/v1/openapi.json')).json();
  const file = join(mkdtempSync(join(tmpdir(), 'retour-oas-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  let out: string;
  try {
    out = execFileSync(
      'npx',
      ['spectral', 'lint', '-q', '-f', 'json', '--fail-severity', 'error', '-r', ruleset, file],
      {
        encoding: 'utf8',
      },
    );
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const results = JSON.parse(out || '[]') as { code: string; severity: number; path: string[] }[];
  const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}`);
  expect(errors).toEqual([]);
}, 60_000);
