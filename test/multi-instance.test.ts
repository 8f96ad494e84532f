import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { hashPassword } from '../src/app/passwords.ts';
import { openDatabase } from '../src/db/client.ts';
import { scheduledJobs, users } from '../src/db/schema/index.ts';
import { s3FileStore } from '../src/files/s3-file-store.ts';
import { createActor, createContractRows, createSupplierRow, createTenant } from './factories.ts';
import { samplePdf } from './sample-files.ts';
import { startS3Server, type S3Server } from './s3-server.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/** One instance behind a load balancer: `src/main.ts` with a data folder of its own. */
type Instance = ServerProcess;

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-instance-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const instance = await startServer({ RETOUR_DATA_DIR: dataDir, ...env });
    void instance.exited.then(removeDataDir);
    return instance;
  } catch (error) {
    removeDataDir();
    throw error;
  }
}

const password = 'twee machines, een database';
const json = { 'Content-Type': 'application/json' };

async function signIn(base: string, email: string, pw = password) {
  return fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password: pw }),
  });
}

const cookieOf = (res: Response) => (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';

const serverUrl = inject('databaseUrl');
let admin: pg.Client | undefined;
let databaseName = '';
let s3: S3Server | undefined;
const instances: Instance[] = [];

afterAll(async () => {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise((resolve) => {
          i.child.once('exit', resolve);
          i.child.kill('SIGTERM');
        }),
    ),
  );
  if (admin) {
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
  await s3?.close();
});

describe('two instances on one PostgreSQL database', () => {
  it('work as one: sessions, the sign-in limit, evidence in S3 and the scheduled jobs', async (ctx) => {
    if (!serverUrl) ctx.skip(); // needs PostgreSQL: PGlite is one process by design
    // A database of its own: the instances' schedulers work on every tenant in it.
    databaseName = `retour_two_${randomBytes(4).toString('hex')}`;
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${databaseName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    s3 = await startS3Server();

    // Both start at once on the empty database: one migrates, the other waits for it.
    const env = { DATABASE_URL: url.toString(), ...s3.env };
    instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
    const [a, b] = instances as [Instance, Instance];

    const database = await openDatabase({ kind: 'postgres', url: url.toString() }, { migrate: false });
    try {
      const tenant = await createTenant(database.db);
      const supplier = await createSupplierRow(database.db, tenant.id);
      const supplierUser = await createActor(database.db, {
        tenantId: tenant.id,
        role: 'supplier',
        supplierId: supplier.id,
      });
      const advisor = await createActor(database.db, { tenantId: tenant.id, role: 'advisor' });
      const passwordHash = await hashPassword(password);
      for (const id of [supplierUser.user.id, advisor.user.id])
        await database.db.update(users).set({ passwordHash }).where(eq(users.id, id));
      const { activity } = await createContractRows(database.db, {
        tenantId: tenant.id,
        supplierId: supplier.id,
        createdAt: new Date('2026-01-05T09:00:00Z'),
      });

      // A session made on A works on B, including a write with its CSRF token.
      const signedIn = await signIn(a.url, supplierUser.user.email);
      expect(signedIn.status).toBe(201);
      const cookie = cookieOf(signedIn);
      const me = await fetch(`${b.url}/api/v1/me`, { headers: { Cookie: cookie } });
      expect(me.status).toBe(200);
      const { csrfToken } = (await me.json()) as { csrfToken: string };

      // Evidence uploaded through B (into the bucket) downloads through A.
      const bytes = samplePdf('op twee machines');
      const form = new FormData();
      form.set(
        'file',
        new File([bytes as Uint8Array<ArrayBuffer>], 'bewijs.pdf', { type: 'application/pdf' }),
      );
      const uploaded = await fetch(`${b.url}/api/v1/activities/${activity.id}/evidence`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
        body: form,
      });
      expect(uploaded.status).toBe(201);
      const evidence = (await uploaded.json()) as { id: string; sha256: string };
      expect(await s3FileStore(s3.settings).exists(`${evidence.sha256.slice(0, 2)}/${evidence.sha256}`)).toBe(
        true,
      );
      const downloaded = await fetch(`${a.url}/api/v1/evidence/${evidence.id}`, {
        headers: { Cookie: cookie },
      });
      expect(downloaded.status).toBe(200);
      expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);

      // Failed sign-ins count across both: 3 on A and 2 on B make 5, then both refuse.
      for (const base of [a.url, a.url, a.url, b.url, b.url])
        expect((await signIn(base, advisor.user.email, 'fout')).status).toBe(401);
      expect((await signIn(a.url, advisor.user.email)).status).toBe(429);
      expect((await signIn(b.url, advisor.user.email)).status).toBe(429);

      // Each scheduled job ran once between them (their first ticks come a second after start).
      const ran = async () =>
        (await database.db.select().from(scheduledJobs)).map((j) => ({ name: j.name, runs: j.runs }));
      for (let i = 0; i < 100 && (await ran()).filter((j) => j.runs > 0).length < 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // both have ticked by now
      expect((await ran()).sort((x, y) => x.name.localeCompare(y.name))).toEqual([
        { name: 'deadlines', runs: 1 },
        { name: 'housekeeping', runs: 1 },
      ]);
      const started = instances.map(
        (i) => (i.output().match(/\[scheduler\] deadlines started/g) ?? []).length,
      );
      expect(started.sort()).toEqual([0, 1]);
    } finally {
      await database.close();
    }
  }, 240_000);
});
