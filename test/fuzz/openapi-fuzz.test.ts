/**
 * FUZZING from the OpenAPI document: every operation, as an advisor, a supplier user and anonymous,
 * with values drawn by fast-check from the operation's own schemas (mostly valid, so requests reach
 * use cases and queries) mixed with known-nasty values: NUL and other controls, 1 MB strings, 1e308,
 * -0, "NaN", invalid UUIDs, impossible dates, wrong content types, deep JSON.
 *
 * Every answer must be < 500; every error problem+json without a stack trace or SQL; and after every
 * refused write (4xx on POST/PUT/PATCH/DELETE) the row counts of all tables are unchanged (the audit
 * log and sign-in attempts excepted: refused sign-ins are recorded on purpose).
 *
 * RETOUR_FUZZ_REQUESTS sets the number of requests (default 20,000); RETOUR_FUZZ_LONG=1 runs 100,000.
 * RETOUR_FUZZ_SEED repeats a run. The counts by status are printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-app.ts';
import { buildWorld, type World } from '../api/matrix/world.ts';
import { samplePdf, samplePng } from '../sample-files.ts';
import { arbitraryOf, deepJson, nastyStringArb, nastyStrings, type JsonSchema } from './arbitraries.ts';

const total = Number(
  process.env.RETOUR_FUZZ_REQUESTS ?? (process.env.RETOUR_FUZZ_LONG === '1' ? 100_000 : 20_000),
);
const seed = Number(process.env.RETOUR_FUZZ_SEED ?? Date.now() % 2 ** 31);

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  body?: { type: string; schema: JsonSchema; required: boolean };
}

interface FuzzRequest {
  op: string;
  who: 'advisor' | 'supplier' | 'anonymous';
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  note: string;
}

/** Tables whose rows a refused write may add on purpose. */
const recordedOnRefusal = new Set(['audit_log', 'sign_in_attempts']);

let t: TestApp;
let world: World;
let operations: Operation[];
let components: Record<string, JsonSchema>;
let countRows: () => Promise<string>;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 64 * 1024 }, { ownPostgres: true });
  world = await buildWorld(t);
  const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  components = doc.components.schemas;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const [type, media] = Object.entries(content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Operation['parameters'] | undefined) ?? [],
        ...(type && media
          ? {
              body: {
                type,
                schema: media.schema,
                required: Boolean((op.requestBody as { required?: boolean }).required),
              },
            }
          : {}),
      };
    }),
  );
  const rows = await t.deps.db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const tables = rowsOf<{ name: string }>(rows)
    .map((r) => r.name)
    .filter((name) => !recordedOnRefusal.has(name));
  const query = sql.raw(
    `select json_build_object(${tables.map((name) => `'${name}', (select count(*) from "${name}")`).join(', ')})::text as counts`,
  );
  // The next transaction id moves only when some transaction wrote (and committed or rolled back):
  // when it has not moved, the counts have not either, and counting all tables can be skipped.
  const nextXid = sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`;
  let lastXid = '';
  let lastCounts = '';
  countRows = async () => {
    const xid = rowsOf<{ xid: string }>(await t.deps.db.execute(nextXid))[0]?.xid ?? '';
    if (xid !== lastXid || !lastCounts) {
      lastCounts = rowsOf<{ counts: string }>(await t.deps.db.execute(query))[0]?.counts ?? '';
      lastXid = rowsOf<{ xid: string }>(await t.deps.db.execute(nextXid))[0]?.xid ?? '';
    }
    return lastCounts;
  };
}, 120_000);
afterAll(() => t.close());

/** Rows of a raw query on either driver (pg gives `{ rows }`, PGlite too; some versions an array). */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

/** Ids of real objects (so requests get past "not found"), another supplier's, and junk. */
function idPool(w: World): string[] {
  const own = Object.values(w.own);
  const other = Object.values(w.otherSupplier);
  return [...own, ...other];
}

function requestArbitrary(op: Operation, pool: string[]): fc.Arbitrary<FuzzRequest> {
  const idArb = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: nastyStringArb },
    { weight: 1, arbitrary: fc.constantFrom(...rawPathValues) },
  );
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(
    ...pathParams.map((p) =>
      p.name === 'slug' ? fc.oneof(fc.constant(world.own.tenantSlug), nastyStringArb, fc.string()) : idArb,
    ),
  );
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      fc.option(
        fc.oneof(
          { weight: 4, arbitrary: p.name.endsWith('Id') ? idArb : arbitraryOf(p.schema, components) },
          { weight: 1, arbitrary: nastyStringArb },
        ),
        { freq: 3 },
      ),
    ),
  );
  const bodyArb = op.body ? bodyArbitrary(op, pool) : fc.constant(undefined);
  return fc
    .tuple(fc.constantFrom('advisor', 'supplier', 'anonymous' as const), pathArb, queryArb, bodyArb)
    .map(([who, pathValues, queryValues, body]) => {
      let path = op.path;
      pathParams.forEach((p, i) => {
        const value = String(pathValues[i]);
        path = path.replace(
          `{${p.name}}`,
          rawPathValues.includes(value) ? value : encodeURIComponent(wellFormed(value)),
        );
      });
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        const value = queryValues[i];
        if (value !== null && value !== undefined)
          search.set(p.name, typeof value === 'string' ? value : JSON.stringify(value));
      });
      const qs = search.toString();
      const auth: Record<string, string> =
        who === 'anonymous' ? {} : { Authorization: world.actors[who].Authorization ?? '' };
      return {
        op: `${op.method} ${op.path}`,
        who: who as FuzzRequest['who'],
        method: op.method,
        url: `/api/v1${path}${qs ? `?${qs}` : ''}`,
        headers: { ...auth, ...(body?.type ? { 'Content-Type': body.type } : {}) },
        ...(body ? { body: body.payload } : {}),
        note: body?.note ?? 'no body',
      };
    });
}

/** Lone surrogates as U+FFFD, so the value can be percent-encoded. */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Path segments sent as written: escapes of NUL, of a lone surrogate, of overlong UTF-8, and dots. */
const rawPathValues = ['%00', '%ED%A0%80', '%C0%AF', '%FF', '..', '%2e%2e', '%'];

interface BodyCase {
  type?: string;
  payload: string | FormData;
  note: string;
}

const wrongTypes = [
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
];

function bodyArbitrary(op: Operation, pool: string[]): fc.Arbitrary<BodyCase> {
  const body = op.body;
  if (!body) return fc.constant({ payload: '', note: 'none' });
  if (body.type === 'multipart/form-data') return uploadArbitrary();
  const withIds = withPoolIds(body.schema, pool);
  const valid = arbitraryOf(withIds, components);
  return fc.oneof(
    {
      weight: 14,
      arbitrary: valid.map((v) => ({
        type: 'application/json',
        payload: JSON.stringify(v) ?? 'null',
        note: 'schema',
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...wrongTypes), valid)
        .map(([type, v]) => ({ type, payload: JSON.stringify(v) ?? '', note: `as ${type}` })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          deepJson(5000),
          deepJson(40),
          '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
          '{',
          '',
          'null',
          '[]',
          '1e308',
          '-0',
          '"\\u0000"',
          '{"__proto__":{"x":1}}',
          JSON.stringify({ x: 'x'.repeat(1_000_000) }),
          'x'.repeat(3 * 1024 * 1024),
        )
        .map((payload) => ({ type: 'application/json', payload, note: `raw ${payload.slice(0, 20)}` })),
    },
    {
      weight: 1,
      arbitrary: valid.map((v) => ({ payload: JSON.stringify(v) ?? '', note: 'no content type' })),
    },
  );
}

/** Replaces `…Id` string properties by a pool id most of the time, so bodies name real objects. */
function withPoolIds(schema: JsonSchema, pool: string[], depth = 0): JsonSchema {
  if (depth > 6) return schema;
  if (schema.$ref) {
    const target = components[schema.$ref.split('/').at(-1) ?? ''];
    return target ? withPoolIds(target, pool, depth + 1) : schema;
  }
  if (!schema.properties) return schema;
  const properties: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(schema.properties))
    properties[key] = /Id$/.test(key) ? { ...value, enum: pool } : withPoolIds(value, pool, depth + 1);
  return { ...schema, properties };
}

function uploadArbitrary(): fc.Arbitrary<BodyCase> {
  const names = fc.oneof(
    fc.constantFrom(
      'bewijs.pdf',
      'evil.html',
      'evil.svg',
      'cv\u202efdp.exe',
      'a\u0000b.pdf',
      '../../x.pdf',
      '',
      'x'.repeat(5000),
    ),
    nastyStringArb,
    fc.string({ maxLength: 30 }),
  );
  const content = fc.oneof(
    fc.constant(samplePdf()),
    fc.constant(samplePng()),
    fc.uint8Array({ maxLength: 512 }),
    fc.constant(new Uint8Array(70 * 1024)),
  );
  return fc
    .tuple(names, content, fc.constantFrom('file', 'files', 'upload'), fc.boolean())
    .map(([name, bytes, field, asForm]) => {
      if (!asForm)
        return {
          type: 'application/octet-stream',
          payload: Buffer.from(bytes).toString('latin1'),
          note: 'raw bytes',
        };
      const form = new FormData();
      form.set(
        field,
        new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/octet-stream' }),
      );
      return { payload: form, note: `upload ${field}` };
    });
}

const leaks = /\n\s+at |node_modules|\bselect\b.*\bfrom\b|insert into|Failed query|SQLSTATE|params:/i;

describe('fuzzing every operation of the OpenAPI document', () => {
  it(
    `answers ${total} generated requests without a 5xx, leak or half-done refused write`,
    async () => {
      const pool = idPool(world);
      const arb = fc.oneof(...operations.map((op) => requestArbitrary(op, pool)));
      const byStatus = new Map<number, number>();
      const byWho = new Map<string, Map<number, number>>();
      const failures: string[] = [];
      const timeByOp = new Map<string, number>();
      let countMs = 0;
      let known: string | null = await countRows();
      const chunk = 500;
      const started = Date.now();
      const cpu = process.cpuUsage();
      for (let done = 0; done < total; done += chunk) {
        const requests = fc.sample(arb, { seed: seed + done, numRuns: Math.min(chunk, total - done) });
        for (const r of requests) {
          const write = r.method !== 'GET';
          if (write && known === null) known = await countRows();
          const t0 = performance.now();
          const res = await t.app.request(r.url, {
            method: r.method,
            headers: r.headers,
            ...(r.body !== undefined ? { body: r.body } : {}),
          });
          const text = await res.text();
          timeByOp.set(r.op, (timeByOp.get(r.op) ?? 0) + performance.now() - t0);
          byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
          const who = byWho.get(r.who) ?? new Map<number, number>();
          who.set(res.status, (who.get(res.status) ?? 0) + 1);
          byWho.set(r.who, who);
          const describe = `${r.who} ${r.method} ${r.url.slice(0, 200)} [${r.note}] → ${res.status} ${text.slice(0, 300)}`;
          if (res.status >= 500) failures.push(describe);
          else if (res.status >= 400) {
            if (!/^application\/problem\+json/.test(res.headers.get('Content-Type') ?? ''))
              failures.push(`not problem+json: ${describe}`);
            if (leaks.test(text)) failures.push(`leak: ${describe}`);
          }
          if (write && res.status >= 400) {
            const c0 = performance.now();
            const now = await countRows();
            countMs += performance.now() - c0;
            if (known !== null && now !== known)
              failures.push(`rows changed on a refused write: ${describe}`);
            known = now;
          } else if (write) known = null;
          if (failures.length >= 20) break;
        }
        if (failures.length >= 20) break;
      }
      const seconds = (Date.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const counts = Object.fromEntries([...byStatus].sort(([a], [b]) => a - b));
      const perWho = Object.fromEntries(
        [...byWho].map(([w, m]) => [w, Object.fromEntries([...m].sort(([a], [b]) => a - b))]),
      );
      console.log(
        `fuzz (${t.database.kind}, seed ${seed}): ${[...byStatus.values()].reduce((a, b) => a + b, 0)} requests in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU); by status ${JSON.stringify(counts)}; by caller ${JSON.stringify(perWho)}`,
      );
      if (process.env.RETOUR_FUZZ_PROFILE === '1')
        console.log(
          `counting ${Math.round(countMs)} ms;`,
          [...timeByOp]
            .sort(([, a], [, b]) => b - a)
            .slice(0, 12)
            .map(([op, ms]) => `${op} ${Math.round(ms)} ms`)
            .join('; '),
        );
      expect(failures, `seed ${seed}`).toEqual([]);
      // The run reached use cases, not only the validator: some requests succeeded.
      expect([...byStatus.keys()].some((s) => s < 300)).toBe(true);
      expect(nastyStrings.length).toBeGreaterThan(10);
    },
    total * 50 + 120_000,
  );
});
