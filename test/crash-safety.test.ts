import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database, type DbTarget } from '../src/db/client.ts';
import { getPreset } from '../src/domain/index.ts';
import { createActor, createContractRows, createSupplierRow, createTenant } from './factories.ts';
import { samplePdf } from './sample-files.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { createOwnDatabase } from './test-app.ts';

/**
 * Issue 15, crash safety: the real server (a child process) is killed with SIGKILL while suppliers
 * record activities and submit reports and advisors verify them, all at once. Started again on the
 * same data folder (PGlite) or database (PostgreSQL) without any manual step, every write that was
 * answered 2xx is there, no write is there in part (each use case's rows and its audit entry come
 * together; a submitted report holds the activities it was submitted with; a report is closed
 * exactly when all its activities are decided), and the progress rollup equals a recomputation.
 */
const runUrl = inject('databaseUrl');
const template = inject('pgliteTemplate');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const contractCount = 16;
const activitiesPerReport = 3;
/** Kill once this many writes are acknowledged: about half of the work (16 × 9 writes). */
const killAfterAcks = 60;

type Decision = 'accepted' | 'rejected';
interface Installation {
  env: Record<string, string>;
  target: DbTarget;
  /** Where the server keeps evidence files (RETOUR_DATA_DIR/files). */
  filesDir: string;
}

/** A data folder from the run's migrated template, or a PostgreSQL database of its own. */
async function newInstallation(): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-crash-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (runUrl) {
    const own = await createOwnDatabase(runUrl);
    cleanups.push(() => own.drop());
    const target: DbTarget = { kind: 'postgres', url: own.url };
    await (await openDatabase(target, { migrate: true })).close();
    return {
      env: { DATABASE_URL: own.url, RETOUR_DATA_DIR: dataDir },
      target,
      filesDir: join(dataDir, 'files'),
    };
  }
  const first = await openDatabase(
    { kind: 'pglite', dataDir, ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}) },
    { migrate: !template },
  );
  await first.close();
  return {
    env: { DATABASE_URL: '', RETOUR_DATA_DIR: dataDir },
    target: { kind: 'pglite', dataDir },
    filesDir: join(dataDir, 'files'),
  };
}

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function seed(target: DbTarget) {
  const database = await openDatabase(target, { migrate: false });
  try {
    const db = database.db;
    const tenant = await createTenant(db, {
      policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' },
    });
    const supplier = await createSupplierRow(db, tenant.id);
    const supplierUser = await createActor(db, {
      tenantId: tenant.id,
      role: 'supplier',
      supplierId: supplier.id,
    });
    const advisors = await Promise.all(
      [1, 2].map(() => createActor(db, { tenantId: tenant.id, role: 'advisor' })),
    );
    const reports: { contractId: string; reportId: string; seededActivityId: string }[] = [];
    for (let i = 0; i < contractCount; i++) {
      const made = await createContractRows(db, {
        tenantId: tenant.id,
        supplierId: supplier.id,
        startDate: '2025-01-01',
        endDate: '2027-12-31',
        period: '2025-H2',
        dueDate: '2099-01-31', // not overdue, whatever today is
      });
      reports.push({
        contractId: made.contract.id,
        reportId: made.report.id,
        seededActivityId: made.activity.id,
      });
    }
    return { tenantId: tenant.id, supplierUser, advisors, reports };
  } finally {
    await database.close();
  }
}

describe('a crash during writes', () => {
  it('SIGKILL mid-stream: every acknowledged write is there after a restart, none half-written', async () => {
    const started = performance.now();
    const installation = await newInstallation();
    const world = await seed(installation.target);
    const server: ServerProcess = await startServer(installation.env);
    cleanups.push(() => void server.child.kill('SIGKILL'));

    const acked = {
      activities: new Map<string, string>(), // activity → report
      submitted: new Map<string, string[]>(), // report → its activities when submitted
      verified: new Map<string, Decision>(),
      evidence: new Map<string, string>(), // evidence → sha256
    };
    const statuses: number[] = [];
    let inFlight = 0;
    let inFlightAtKill = -1;
    let sent = 0;
    let killed = false;
    const ackCount = () =>
      acked.activities.size + acked.submitted.size + acked.verified.size + acked.evidence.size;

    /** A write; `null` when the connection broke (the kill): not acknowledged. */
    const post = async (path: string, headers: Record<string, string>, body: unknown = {}) => {
      if (killed) return null;
      inFlight++;
      sent++;
      try {
        const multipart = body instanceof FormData;
        const res = await fetch(`${server.url}/api/v1${path}`, {
          method: 'POST',
          headers: multipart ? { Authorization: headers.Authorization ?? '' } : headers,
          body: multipart ? body : JSON.stringify(body),
        });
        const json = (await res.json()) as Record<string, unknown>;
        statuses.push(res.status);
        return { status: res.status, body: json };
      } catch {
        return null;
      } finally {
        inFlight--;
      }
    };
    const acknowledged = () => {
      if (!killed && ackCount() >= killAfterAcks) {
        killed = true;
        inFlightAtKill = inFlight;
        server.child.kill('SIGKILL');
      }
    };

    const queue: { reportId: string; activityIds: string[] }[] = [];
    const lanesCount = 4;
    let suppliersDone = 0;
    const supplierWork = async (mine: typeof world.reports) => {
      for (const { contractId, reportId, seededActivityId } of mine) {
        const activityIds = [seededActivityId];
        for (let k = 0; k < activitiesPerReport; k++) {
          const res = await post(`/contracts/${contractId}/activities`, world.supplierUser.headers, {
            typeCode: 'internship',
            period: '2025-H2',
            units: 1,
          });
          if (!res) return;
          if (res.status === 201) {
            const activityId = res.body.id as string;
            acked.activities.set(activityId, reportId);
            activityIds.push(activityId);
            acknowledged();
            if (k > 0) continue;
            // Evidence for the first one: bytes in the file store, then its row (one transaction).
            const form = new FormData();
            const bytes = samplePdf(`bewijs bij ${activityId}`) as Uint8Array<ArrayBuffer>;
            form.set('file', new File([bytes], 'bewijs.pdf', { type: 'application/pdf' }));
            const uploaded = await post(
              `/activities/${activityId}/evidence`,
              world.supplierUser.headers,
              form,
            );
            if (!uploaded) return;
            if (uploaded.status === 201) {
              acked.evidence.set(uploaded.body.id as string, uploaded.body.sha256 as string);
              acknowledged();
            }
          }
        }
        const submitted = await post(`/reports/${reportId}/submission`, world.supplierUser.headers);
        if (!submitted) return;
        if (submitted.status === 200) {
          acked.submitted.set(reportId, activityIds);
          queue.push({ reportId, activityIds });
          acknowledged();
        }
      }
    };
    const advisorWork = async (advisor: (typeof world.advisors)[number], parity: number) => {
      let turn = 0;
      while (!killed) {
        const next = queue.shift();
        if (!next) {
          if (suppliersDone === lanesCount) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
          continue;
        }
        for (const activityId of next.activityIds) {
          const decision: Decision = (turn++ + parity) % 3 === 0 ? 'rejected' : 'accepted';
          const res = await post(`/activities/${activityId}/verification`, advisor.headers, {
            decision,
            ...(decision === 'rejected' ? { reason: 'Geen bewijs bijgevoegd.' } : {}),
          });
          if (!res) return;
          if (res.status === 200) {
            acked.verified.set(activityId, decision);
            acknowledged();
          }
        }
      }
    };

    // Four suppliers' clients and two advisors at once; the kill comes halfway.
    const lanes = Array.from({ length: lanesCount }, (_, lane) =>
      world.reports.filter((_, i) => i % lanesCount === lane),
    );
    await Promise.all([
      ...lanes.map((mine) => supplierWork(mine).finally(() => suppliersDone++)),
      ...world.advisors.map((advisor, i) => advisorWork(advisor, i)),
    ]);
    expect(killed).toBe(true);
    expect(await server.exited).toBe('SIGKILL');
    const writing = Math.round(performance.now() - started);

    // Started again on the same folder or database, as an operator would: nothing else to do.
    const restarted = await startServer(installation.env);
    cleanups.push(() => void restarted.child.kill('SIGKILL'));
    const someReport = [...acked.submitted.keys()][0] ?? world.reports[0]!.reportId;
    const read = await fetch(`${restarted.url}/api/v1/reports/${someReport}`, {
      headers: world.advisors[0]!.headers,
    });
    expect(read.status).toBe(200);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe('SIGTERM');

    const database = await openDatabase(installation.target, { migrate: false });
    try {
      const activityRows = await rows<{ id: string; report_id: string; verification: string }>(
        database,
        sql`select id, report_id, verification from activities where tenant_id = ${world.tenantId}`,
      );
      const reportRows = await rows<{ id: string; status: string; submitted_at: unknown }>(
        database,
        sql`select id, status, submitted_at from reports where tenant_id = ${world.tenantId}`,
      );
      const auditRows = await rows<{ action: string; object_id: string; activities: string | null }>(
        database,
        sql`select action, object_id, details->>'activities' as activities from audit_log
            where tenant_id = ${world.tenantId}
              and action in ('activity.create', 'report.submit', 'activity.verify', 'evidence.upload')`,
      );
      const evidenceRows = await rows<{ id: string; sha256: string; storage_key: string }>(
        database,
        sql`select id, sha256, storage_key from evidence_files where tenant_id = ${world.tenantId}`,
      );
      const evidence = new Map(evidenceRows.map((e) => [e.id, e]));
      const fileHash = (key: string) => {
        const path = join(installation.filesDir, key);
        return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';
      };
      const activity = new Map(activityRows.map((a) => [a.id, a]));
      const report = new Map(reportRows.map((r) => [r.id, r]));
      const audited = (action: string) =>
        new Set(auditRows.filter((a) => a.action === action).map((a) => a.object_id));

      // Every acknowledged write is there.
      const missing = [
        ...[...acked.activities].filter(([id, reportId]) => activity.get(id)?.report_id !== reportId),
        ...[...acked.submitted.keys()].filter(
          (id) => !['submitted', 'closed'].includes(report.get(id)?.status ?? ''),
        ),
        ...[...acked.verified].filter(([id, decision]) => activity.get(id)?.verification !== decision),
        ...[...acked.evidence].filter(([id, sha]) => evidence.get(id)?.sha256 !== sha),
      ];
      expect(missing).toEqual([]);

      // None is there in part: each write's rows come with its audit entry, and the reverse.
      const seeded = new Set(world.reports.map((r) => r.seededActivityId));
      const created = audited('activity.create');
      expect(activityRows.filter((a) => !seeded.has(a.id) && !created.has(a.id))).toEqual([]);
      expect([...created].filter((id) => !activity.has(id))).toEqual([]);
      // Every evidence row has its whole file and its audit entry (a file without a row is an
      // orphan the sweep removes; that is allowed).
      const uploaded = audited('evidence.upload');
      expect(evidenceRows.filter((e) => fileHash(e.storage_key) !== e.sha256 || !uploaded.has(e.id))).toEqual(
        [],
      );
      const decided = (v: string) => v === 'accepted' || v === 'rejected';
      const verified = audited('activity.verify');
      expect(activityRows.filter((a) => decided(a.verification) && !verified.has(a.id))).toEqual([]);
      const submittedAudit = new Map(
        auditRows.filter((a) => a.action === 'report.submit').map((a) => [a.object_id, Number(a.activities)]),
      );
      for (const r of reportRows) {
        const own = activityRows.filter((a) => a.report_id === r.id);
        if (r.status === 'open') {
          expect(submittedAudit.has(r.id)).toBe(false);
          expect(own.filter((a) => a.verification !== 'pending')).toEqual([]);
          continue;
        }
        // A submitted report holds exactly the activities it was submitted with, and is closed
        // exactly when every one is decided.
        expect(r.submitted_at).not.toBeNull();
        expect(submittedAudit.get(r.id)).toBe(own.length);
        expect(r.status).toBe(own.every((a) => decided(a.verification)) ? 'closed' : 'submitted');
      }

      // The progress rollup kept by triggers equals a recomputation from scratch.
      const sums = sql`select contract_id, period, category, planned_cents::text, realised_cents::text,
        verified_cents::text from progress_sums order by 1, 2, 3`;
      const kept = await rows(database, sums);
      await database.db.execute(sql`select retour_rebuild_progress_sums()`);
      expect(await rows(database, sums)).toEqual(kept);
      expect(kept.length).toBeGreaterThan(0);

      const present = {
        activities: [...acked.activities.keys()].filter((id) => activity.has(id)).length,
        submitted: [...acked.submitted.keys()].filter((id) => report.get(id)?.status !== 'open').length,
        verified: [...acked.verified].filter(([id, d]) => activity.get(id)?.verification === d).length,
        evidence: [...acked.evidence.keys()].filter((id) => evidence.has(id)).length,
      };
      console.log(
        `crash (${database.kind}): ${sent} writes sent, ${ackCount()} acknowledged ` +
          `(${acked.activities.size} activities, ${acked.evidence.size} evidence files, ${acked.submitted.size} submissions, ` +
          `${acked.verified.size} verifications), present ${present.activities}/${present.evidence}/${present.submitted}/` +
          `${present.verified}; ${inFlightAtKill} in flight at the kill; ` +
          `${activityRows.length - seeded.size} activities stored in all; statuses ${JSON.stringify(countBy(statuses))}; ` +
          `writing and kill ${writing} ms, whole test ${Math.round(performance.now() - started)} ms`,
      );
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
