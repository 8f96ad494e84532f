import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clauses } from '../src/domain/clauses.ts';
import { presetNames } from '../src/domain/presets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The test files whose rows may cite a clause: the domain tables, and the workflow of §7 in the API and jobs. */
const dirs = ['src/domain', 'test/api', 'test/jobs'];
const files = dirs.flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`),
);

/** Every `rule: '…'` field that starts with §, with the file it is in. */
const citations = files.flatMap((file) =>
  [...readFileSync(`${root}${file}`, 'utf8').matchAll(/\brule:\s*(['"`])(§[^'"`]*)\1/g)].map((m) => ({
    file,
    id: m[2] as string,
  })),
);

/** §10 presets are cited by name; they are not clauses of §3–7, so they are known without being required. */
const known = new Set<string>([...Object.keys(clauses), ...presetNames.map((n) => `§10 ${n}`)]);

describe('every clause of domain.md §3–7 is cited by a test row', () => {
  it('the test files are found and cite clauses', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(citations.length).toBeGreaterThan(Object.keys(clauses).length);
  });

  it('no row cites an unknown clause', () => {
    expect(citations.filter((c) => !known.has(c.id))).toEqual([]);
  });

  it('no clause is left without a row that cites it', () => {
    const cited = new Set(citations.map((c) => c.id));
    expect(Object.keys(clauses).filter((id) => !cited.has(id))).toEqual([]);
  });

  it('every clause id names its section and has a one-line text', () => {
    for (const [id, text] of Object.entries(clauses)) {
      expect(id).toMatch(/^§[3-7] \S/);
      expect(text).toMatch(/^\S.*$/);
    }
  });
});
