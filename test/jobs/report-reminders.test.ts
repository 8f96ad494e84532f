import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notices, reports, suppliers, users } from '../../src/db/schema/index.ts';
import { runDeadlineJobs, startScheduler } from '../../src/jobs/scheduler.ts';
import { deliverOutbox } from '../../src/mail/outbox-sender.ts';
import { createMailSender } from '../../src/mail/transport.ts';
import { createActor, createContractRows, createSupplierRow, createTenant, unique } from '../factories.ts';
import { startSmtpSink, type SmtpSink } from '../smtp-sink.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let sink: SmtpSink;

interface World {
  tenantId: string;
  reportId: string;
  reference: string;
  supplierEmails: string[];
  advisorEmails: string[];
  englishAdvisor: string;
  outsiders: string[];
}

/** A tenant with one open report due 2026-07-31, and people who should and should not hear of it. */
async function buildWorld(): Promise<World> {
  const db = t.deps.db;
  const tenant = await createTenant(db);
  const supplier = await createSupplierRow(db, tenant.id);
  const contact = `${unique('planner')}@supplier.test`;
  await db
    .update(suppliers)
    .set({ contacts: [{ name: 'Planner', email: contact.toUpperCase() }, { name: 'Geen e-mail' }] })
    .where(eq(suppliers.id, supplier.id));
  const supplierUser = await createActor(db, {
    tenantId: tenant.id,
    role: 'supplier',
    supplierId: supplier.id,
  });
  const advisor = await createActor(db, { tenantId: tenant.id, role: 'advisor' });
  const englishAdvisor = await createActor(db, { tenantId: tenant.id, role: 'advisor' });
  await db.update(users).set({ locale: 'en' }).where(eq(users.id, englishAdvisor.user.id));
  const manager = await createActor(db, { tenantId: tenant.id, role: 'contractManager' });
  const otherSupplier = await createSupplierRow(db, tenant.id);
  const otherSupplierUser = await createActor(db, {
    tenantId: tenant.id,
    role: 'supplier',
    supplierId: otherSupplier.id,
  });
  const otherTenant = await createTenant(db);
  const foreignAdvisor = await createActor(db, { tenantId: otherTenant.id, role: 'advisor' });
  const { report, contract } = await createContractRows(db, {
    tenantId: tenant.id,
    supplierId: supplier.id,
    contractManagerId: manager.user.id,
    period: '2026-H1',
    dueDate: '2026-07-31',
    createdAt: new Date('2026-01-05T09:00:00Z'),
  });
  return {
    tenantId: tenant.id,
    reportId: report.id,
    reference: contract.reference,
    supplierEmails: [contact, supplierUser.user.email],
    advisorEmails: [advisor.user.email, englishAdvisor.user.email],
    englishAdvisor: englishAdvisor.user.email,
    outsiders: [manager.user.email, otherSupplierUser.user.email, foreignAdvisor.user.email],
  };
}

const mailOf = (w: World) => sink.received.filter((m) => m.subject.includes(w.reference));

async function deliver(w: World, now: string) {
  const sender = createMailSender({ smtpUrl: sink.url });
  try {
    return await deliverOutbox(t.deps.db, sender, new Date(now), { onlyTenantId: w.tenantId });
  } finally {
    sender.close();
  }
}

beforeAll(async () => {
  [t, sink] = await Promise.all([createTestApp({ reminderDaysBefore: 14 }), startSmtpSink()]);
});
afterAll(async () => {
  await Promise.all([t.close(), sink.close()]);
});

describe('report reminders and overdue notices', () => {
  it.each([
    {
      case: 'sends a reminder 14 days before the due date and an overdue notice after, each once',
      rule: '§7 reminders and notice',
    },
  ])('$case', async () => {
    const w = await buildWorld();
    const scope = { onlyTenantId: w.tenantId };
    const everyone = [...w.supplierEmails, ...w.advisorEmails].sort();

    // 15 days before: too early.
    await runDeadlineJobs(t.deps, new Date('2026-07-16T06:00:00Z'), scope);
    await deliver(w, '2026-07-16T06:00:00Z');
    expect(mailOf(w)).toHaveLength(0);

    // 14 days before: the reminder, once, even when the jobs run twice.
    await runDeadlineJobs(t.deps, new Date('2026-07-17T06:00:00Z'), scope);
    await runDeadlineJobs(t.deps, new Date('2026-07-17T06:05:00Z'), scope);
    await deliver(w, '2026-07-17T06:05:00Z');
    await runDeadlineJobs(t.deps, new Date('2026-07-30T06:00:00Z'), scope);
    await deliver(w, '2026-07-30T06:00:00Z');
    const reminders = mailOf(w).filter((m) => /^(Herinnering|Reminder)/.test(m.subject));
    expect(reminders.flatMap((m) => m.to).sort()).toEqual(everyone);
    const english = reminders.find((m) => m.to[0] === w.englishAdvisor);
    expect(english?.subject).toBe(`Reminder: report 2026-H1 for ${w.reference} due 31 July 2026`);
    const dutch = reminders.find((m) => m.to[0] === w.supplierEmails[0]);
    expect(dutch?.subject).toBe(`Herinnering: rapportage 2026-H1 voor ${w.reference} uiterlijk 31 juli 2026`);
    expect(dutch?.text).toContain('http://localhost:3000/contracts/');

    // On the due date the report is still open, not overdue.
    await runDeadlineJobs(t.deps, new Date('2026-07-31T22:00:00Z'), scope);
    const [onDueDate] = await t.deps.db.select().from(reports).where(eq(reports.id, w.reportId));
    expect(onDueDate?.status).toBe('open');

    // The day after: overdue, and one notice to each.
    await runDeadlineJobs(t.deps, new Date('2026-08-01T06:00:00Z'), scope);
    await runDeadlineJobs(t.deps, new Date('2026-08-02T06:00:00Z'), scope);
    await deliver(w, '2026-08-02T06:00:00Z');
    const [after] = await t.deps.db.select().from(reports).where(eq(reports.id, w.reportId));
    expect(after?.status).toBe('overdue');
    const overdue = mailOf(w).filter((m) => /^(Te laat|Overdue)/.test(m.subject));
    expect(overdue.flatMap((m) => m.to).sort()).toEqual(everyone);
    expect(overdue.find((m) => m.to[0] === w.supplierEmails[1])?.subject).toBe(
      `Te laat: rapportage 2026-H1 voor ${w.reference}`,
    );

    // Nobody else heard anything.
    const reached = mailOf(w).flatMap((m) => m.to);
    for (const outsider of w.outsiders) expect(reached).not.toContain(outsider);
    expect(mailOf(w)).toHaveLength(everyone.length * 2);
  });

  it.each([{ case: 'sends no reminder for a report that was submitted in time', rule: '§7 report overdue' }])(
    '$case',
    async () => {
      const w = await buildWorld();
      await t.deps.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, w.reportId));
      await runDeadlineJobs(t.deps, new Date('2026-07-20T06:00:00Z'), { onlyTenantId: w.tenantId });
      await runDeadlineJobs(t.deps, new Date('2026-08-05T06:00:00Z'), { onlyTenantId: w.tenantId });
      await deliver(w, '2026-08-05T06:00:00Z');
      expect(mailOf(w)).toHaveLength(0);
      const [row] = await t.deps.db.select().from(reports).where(eq(reports.id, w.reportId));
      expect(row?.status).toBe('submitted');
    },
  );

  it('sends each notice once when two app instances run the jobs at the same moment', async (ctx) => {
    if (t.database.kind !== 'postgres') ctx.skip(); // PGlite: one connection, nothing runs at once
    const second = await createTestApp({ reminderDaysBefore: 14 });
    try {
      const w = await buildWorld();
      const scope = { onlyTenantId: w.tenantId };
      for (const now of ['2026-07-20T06:00:00Z', '2026-08-03T06:00:00Z']) {
        await Promise.all([
          runDeadlineJobs(t.deps, new Date(now), scope),
          runDeadlineJobs(second.deps, new Date(now), scope),
          runDeadlineJobs(t.deps, new Date(now), scope),
        ]);
        const a = createMailSender({ smtpUrl: sink.url });
        const b = createMailSender({ smtpUrl: sink.url });
        await Promise.all([
          deliverOutbox(t.deps.db, a, new Date(now), { onlyTenantId: w.tenantId, batchSize: 1 }),
          deliverOutbox(second.deps.db, b, new Date(now), { onlyTenantId: w.tenantId, batchSize: 1 }),
        ]);
        a.close();
        b.close();
      }
      const everyone = [...w.supplierEmails, ...w.advisorEmails].sort();
      const byKind = (re: RegExp) =>
        mailOf(w)
          .filter((m) => re.test(m.subject))
          .flatMap((m) => m.to)
          .sort();
      expect(byKind(/^(Herinnering|Reminder)/)).toEqual(everyone);
      expect(byKind(/^(Te laat|Overdue)/)).toEqual(everyone);
      const rows = await t.deps.db.select().from(notices).where(eq(notices.reportId, w.reportId));
      expect(rows).toHaveLength(everyone.length * 2);
    } finally {
      await second.close();
    }
  });

  it('the scheduler loop runs the jobs and stops cleanly', async () => {
    const w = await buildWorld();
    t.setNow('2026-07-25T06:00:00Z');
    const logged: string[] = [];
    const scheduler = startScheduler(t.deps, {
      tickMs: 60_000,
      scope: { onlyTenantId: w.tenantId },
      sender: createMailSender({ smtpUrl: sink.url }),
      log: (line) => logged.push(line),
    });
    await scheduler.runAll();
    await scheduler.stop();
    expect(logged.filter((l) => l.includes('failed'))).toEqual([]);
    const reminders = mailOf(w).filter((m) => /^(Herinnering|Reminder)/.test(m.subject));
    expect(reminders).toHaveLength(w.supplierEmails.length + w.advisorEmails.length);
  });
});
