import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail, maxMailAttempts } from '../src/db/repositories/mail-outbox.ts';
import { mailOutbox } from '../src/db/schema/index.ts';
import { deliverOutbox } from '../src/mail/outbox-sender.ts';
import { createMailSender } from '../src/mail/transport.ts';
import { createTenant, unique } from './factories.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { createTestApp, type TestApp } from './test-app.ts';

let t: TestApp;
let sink: SmtpSink;
let tenantId: string;
beforeAll(async () => {
  [t, sink] = await Promise.all([createTestApp(), startSmtpSink()]);
  tenantId = (await createTenant(t.deps.db)).id;
});
afterAll(async () => {
  await Promise.all([t.close(), sink.close()]);
});

const at = (iso: string) => new Date(iso);

async function queue(subject: string, to = `${unique('r')}@example.test`) {
  await enqueueMail(t.deps.db, {
    tenantId,
    to,
    subject,
    text: `Tekst van ${subject}`,
    html: `<p>${subject}</p>`,
  });
  const [row] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.subject, subject));
  if (!row) throw new Error('not queued');
  return row;
}

describe('outbox sender', () => {
  it('delivers pending mail over SMTP once and marks it sent', async () => {
    const sender = createMailSender({ smtpUrl: sink.url, mailFrom: 'Retour <retour@example.test>' });
    const row = await queue(unique('Onderwerp'));
    const first = await deliverOutbox(t.deps.db, sender, at('2026-11-23T10:00:00Z'), {
      onlyTenantId: tenantId,
    });
    const second = await deliverOutbox(t.deps.db, sender, at('2026-11-23T10:05:00Z'), {
      onlyTenantId: tenantId,
    });
    sender.close();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    const arrived = sink.received.filter((m) => m.subject === row.subject);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.to).toEqual([row.to]);
    expect(arrived[0]?.from).toBe('retour@example.test');
    expect(arrived[0]?.text).toContain('Tekst van');
    const [after] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
    expect(after).toMatchObject({ status: 'sent', sentAt: at('2026-11-23T10:00:00Z') });
    expect(after?.attempts).toEqual([{ at: '2026-11-23T10:00:00.000Z', result: 'sent' }]);
  });

  it('retries after a temporary failure, with back-off, and records each attempt', async () => {
    const sender = createMailSender({ smtpUrl: sink.url });
    const row = await queue(unique('Opnieuw'));
    sink.failNext(1);
    const first = await deliverOutbox(t.deps.db, sender, at('2026-11-24T10:00:00Z'), {
      onlyTenantId: tenantId,
    });
    expect(first.retryLater).toBe(1);
    // Too soon: the back-off after the first error is one minute.
    expect(
      (await deliverOutbox(t.deps.db, sender, at('2026-11-24T10:00:30Z'), { onlyTenantId: tenantId })).sent,
    ).toBe(0);
    expect(
      (await deliverOutbox(t.deps.db, sender, at('2026-11-24T10:01:00Z'), { onlyTenantId: tenantId })).sent,
    ).toBe(1);
    sender.close();
    const [after] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
    expect(after?.status).toBe('sent');
    expect((after?.attempts as { result: string }[]).map((a) => a.result)).toEqual(['error', 'sent']);
    expect(sink.received.filter((m) => m.subject === row.subject)).toHaveLength(1);
  });

  it(`gives up after ${maxMailAttempts} failures`, async () => {
    const failing = { send: () => Promise.reject(new Error('connection refused')), close() {} };
    const row = await queue(unique('Nooit'));
    let clock = at('2026-11-25T00:00:00Z').getTime();
    for (let i = 0; i < maxMailAttempts + 2; i += 1) {
      await deliverOutbox(t.deps.db, failing, new Date(clock), { onlyTenantId: tenantId });
      clock += 7 * 3_600_000; // past the longest back-off
    }
    const [after] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id));
    expect(after?.status).toBe('failed');
    expect(after?.attempts).toHaveLength(maxMailAttempts);
  });

  it('without SMTP_URL writes the mail to the log', async () => {
    const lines: string[] = [];
    const sender = createMailSender({}, (line) => lines.push(line));
    await sender.send({ to: 'a@example.test', subject: 'Hallo', text: 'Tekst' });
    expect(lines[0]).toContain('to a@example.test: Hallo');
  });

  it('two senders at once deliver each message once', async (ctx) => {
    if (t.database.kind !== 'postgres') ctx.skip(); // PGlite has one connection: nothing runs at once
    const other = await (await import('./test-app.ts')).createTestApp();
    try {
      const subjects = Array.from({ length: 12 }, () => unique('Gelijktijdig'));
      for (const subject of subjects) await queue(subject);
      const a = createMailSender({ smtpUrl: sink.url });
      const b = createMailSender({ smtpUrl: sink.url });
      const now = at('2026-11-26T00:00:00Z');
      await Promise.all([
        deliverOutbox(t.deps.db, a, now, { batchSize: 2, onlyTenantId: tenantId }),
        deliverOutbox(other.deps.db, b, now, { batchSize: 2, onlyTenantId: tenantId }),
      ]);
      a.close();
      b.close();
      for (const subject of subjects)
        expect(sink.received.filter((m) => m.subject === subject)).toHaveLength(1);
      const rows = await t.deps.db.select().from(mailOutbox).where(inArray(mailOutbox.subject, subjects));
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('queueMail', () => {
  it('queues an invitation in the recipient language and it arrives', async () => {
    const { queueMail } = await import('../src/mail/queue-mail.ts');
    const to = `${unique('nieuw')}@example.test`;
    await queueMail(t.deps.db, {
      tenantId,
      to,
      locale: 'en',
      template: {
        kind: 'invitation',
        data: {
          tenantName: 'Gemeente Test',
          link: 'http://localhost:3000/invitation#abc',
          expiresAt: '2026-12-01T00:00:00Z',
        },
      },
    });
    const sender = createMailSender({ smtpUrl: sink.url });
    await deliverOutbox(t.deps.db, sender, at('2026-11-27T00:00:00Z'), { onlyTenantId: tenantId });
    sender.close();
    const mail = sink.received.find((m) => m.to.includes(to));
    expect(mail?.subject).toBe('Invitation to Retour from Gemeente Test');
    expect(mail?.html).toContain('href="http://localhost:3000/invitation#abc"');
  });
});
