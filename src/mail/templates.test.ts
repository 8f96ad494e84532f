import { describe, expect, it } from 'vitest';
import { halfYear, longDate, renderMail, type MailTemplate } from './templates.ts';

const report = {
  contractReference: 'REF-1',
  contractTitle: 'Groenonderhoud',
  supplierName: 'Bouw & Zn <bv>',
  period: '2026-H1',
  dueDate: '2026-07-31',
  link: 'https://retour.example/reports/1',
};
const activity = {
  contractReference: 'REF-1',
  contractTitle: 'Groenonderhoud',
  supplierName: 'Bouw & Zn',
  period: '2026-H1',
  typeCode: 'internship',
  message: 'Stuur de stageovereenkomst mee.',
  link: 'https://retour.example/contracts/1',
};
const link = {
  tenantName: 'Gemeente Voorbeeld',
  link: 'https://retour.example/invite/x',
  expiresAt: '2026-12-01T00:00:00Z',
};

describe('mail templates', () => {
  it.each([
    {
      case: 'reminder nl',
      t: { kind: 'reportReminder', data: report },
      locale: 'nl',
      subject: 'Herinnering: rapportage 2026-H1 voor REF-1 uiterlijk 31 juli 2026',
    },
    {
      case: 'reminder en',
      t: { kind: 'reportReminder', data: report },
      locale: 'en',
      subject: 'Reminder: report 2026-H1 for REF-1 due 31 July 2026',
    },
    {
      case: 'overdue nl',
      t: { kind: 'reportOverdue', data: report },
      locale: 'nl',
      subject: 'Te laat: rapportage 2026-H1 voor REF-1',
    },
    {
      case: 'overdue en',
      t: { kind: 'reportOverdue', data: report },
      locale: 'en',
      subject: 'Overdue: report 2026-H1 for REF-1',
    },
    {
      case: 'invitation nl',
      t: { kind: 'invitation', data: link },
      locale: 'nl',
      subject: 'Uitnodiging voor Retour van Gemeente Voorbeeld',
    },
    {
      case: 'invitation en',
      t: { kind: 'invitation', data: link },
      locale: 'en',
      subject: 'Invitation to Retour from Gemeente Voorbeeld',
    },
    {
      case: 'reset nl',
      t: { kind: 'passwordReset', data: link },
      locale: 'nl',
      subject: 'Nieuw wachtwoord voor Retour',
    },
    {
      case: 'reset en',
      t: { kind: 'passwordReset', data: link },
      locale: 'en',
      subject: 'New password for Retour',
    },
    {
      case: 'rejected nl',
      t: { kind: 'activityRejected', data: activity },
      locale: 'nl',
      subject: 'Afgewezen: activiteit in rapportage 2026-H1 voor REF-1',
    },
    {
      case: 'rejected en',
      t: { kind: 'activityRejected', data: activity },
      locale: 'en',
      subject: 'Rejected: activity in report 2026-H1 for REF-1',
    },
    {
      case: 'more info nl',
      t: { kind: 'activityMoreInfo', data: activity },
      locale: 'nl',
      subject: 'Meer informatie gevraagd: rapportage 2026-H1 voor REF-1',
    },
    {
      case: 'more info en',
      t: { kind: 'activityMoreInfo', data: activity },
      locale: 'en',
      subject: 'More information asked: report 2026-H1 for REF-1',
    },
    {
      case: 'answered nl',
      t: { kind: 'activityAnswered', data: activity },
      locale: 'nl',
      subject: 'Antwoord van de leverancier: rapportage 2026-H1 voor REF-1',
    },
    {
      case: 'answered en',
      t: { kind: 'activityAnswered', data: activity },
      locale: 'en',
      subject: 'Supplier answered: report 2026-H1 for REF-1',
    },
  ] as { case: string; t: MailTemplate; locale: 'nl' | 'en'; subject: string }[])(
    'renders $case with the link in text and HTML',
    ({ t, locale, subject }) => {
      const mail = renderMail(t, locale);
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(t.data.link);
      expect(mail.html).toContain(`href="${t.data.link}"`);
    },
  );

  it('quotes the advisor’s reason in an activity mail', () => {
    const mail = renderMail({ kind: 'activityMoreInfo', data: activity }, 'nl');
    expect(mail.text).toContain('“Stuur de stageovereenkomst mee.”');
    expect(mail.text).toContain('eerste halfjaar 2026');
  });

  it('escapes names in HTML but keeps them plain in text', () => {
    const mail = renderMail({ kind: 'reportReminder', data: report }, 'nl');
    expect(mail.text).toContain('Bouw & Zn <bv>');
    expect(mail.html).toContain('Bouw &amp; Zn &lt;bv&gt;');
  });

  it.each([
    { iso: '2026-01-31', locale: 'nl' as const, out: '31 januari 2026' },
    { iso: '2026-07-31', locale: 'en' as const, out: '31 July 2026' },
  ])('writes $iso as $out', ({ iso, locale, out }) => expect(longDate(iso, locale)).toBe(out));

  it('names half-years', () => {
    expect(halfYear('2026-H2', 'nl')).toBe('tweede halfjaar 2026');
    expect(halfYear('2026-H1', 'en')).toBe('first half of 2026');
  });
});
