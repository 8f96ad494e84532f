/** Mail texts in Dutch and English. Every template gives a subject, plain text and simple HTML. */
export type Locale = 'nl' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface ReportMailData {
  contractReference: string;
  contractTitle: string;
  supplierName: string;
  period: string;
  dueDate: string;
  link: string;
}

/** Several reports in one message: one summary per recipient and supplier instead of one per report. */
export interface ReportSummaryMailData {
  /** Ordered by due date; the message lists the first `summaryLines` and counts the rest. */
  reports: ReportMailData[];
  /** Where to see them all. */
  link: string;
}

/** At most this many reports are listed one by one in a summary. */
export const summaryLines = 50;

export interface LinkMailData {
  tenantName: string;
  link: string;
  /** When the link stops working (ISO date-time). */
  expiresAt: string;
}

/** One activity of a submitted report, for the verification conversation. */
export interface ActivityMailData {
  contractReference: string;
  contractTitle: string;
  supplierName: string;
  period: string;
  typeCode: string;
  /** The advisor's reason (rejected, moreInfo) or the supplier's reply (answered; may be empty). */
  message: string;
  link: string;
}

export type MailTemplate =
  | { kind: 'activityRejected'; data: ActivityMailData }
  | { kind: 'activityMoreInfo'; data: ActivityMailData }
  | { kind: 'activityAnswered'; data: ActivityMailData }
  | { kind: 'reportReminder'; data: ReportMailData }
  | { kind: 'reportOverdue'; data: ReportMailData }
  | { kind: 'reportReminderSummary'; data: ReportSummaryMailData }
  | { kind: 'reportOverdueSummary'; data: ReportSummaryMailData }
  | { kind: 'invitation'; data: LinkMailData }
  | { kind: 'passwordReset'; data: LinkMailData };

export const asLocale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'nl');

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** `2026-07-31` → "31 juli 2026" / "31 July 2026". */
export function longDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** `2026-H1` → "eerste halfjaar 2026" / "first half of 2026". */
export function halfYear(period: string, locale: Locale): string {
  const [year, half] = period.split('-');
  if (locale === 'nl') return `${half === 'H1' ? 'eerste' : 'tweede'} halfjaar ${year}`;
  return `${half === 'H1' ? 'first' : 'second'} half of ${year}`;
}

function compose(
  subject: string,
  paragraphs: string[],
  link: { label: string; url: string },
  footer: string,
): RenderedMail {
  const text = [...paragraphs, `${link.label}: ${link.url}`, '', footer].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject, text, html: `<!doctype html><html><body>${html}</body></html>` };
}

const footers: Record<Locale, string> = {
  nl: 'Dit bericht is automatisch verstuurd door Retour, het social return-platform van uw opdrachtgever.',
  en: "This message was sent automatically by Retour, your buyer's social return platform.",
};

export function renderMail(template: MailTemplate, locale: Locale): RenderedMail {
  const footer = footers[locale];
  switch (template.kind) {
    case 'activityRejected':
    case 'activityMoreInfo':
    case 'activityAnswered':
      return activityMail(template.kind, template.data, locale, footer);
    case 'reportReminder': {
      const d = template.data;
      const due = longDate(d.dueDate, locale);
      const contract = `${d.contractReference} ${d.contractTitle}`;
      return locale === 'nl'
        ? compose(
            `Herinnering: rapportage ${d.period} voor ${d.contractReference} uiterlijk ${due}`,
            [
              'Beste lezer,',
              `De social return-rapportage over het ${halfYear(d.period, 'nl')} voor contract ${contract} (${d.supplierName}) moet uiterlijk ${due} zijn ingediend.`,
              'Vul de activiteiten en bewijsstukken in en dien de rapportage in vóór die datum.',
            ],
            { label: 'Naar de rapportage', url: d.link },
            footer,
          )
        : compose(
            `Reminder: report ${d.period} for ${d.contractReference} due ${due}`,
            [
              'Dear reader,',
              `The social return report on the ${halfYear(d.period, 'en')} for contract ${contract} (${d.supplierName}) is due on ${due}.`,
              'Please add the activities and evidence and submit the report before that date.',
            ],
            { label: 'Open the report', url: d.link },
            footer,
          );
    }
    case 'reportOverdue': {
      const d = template.data;
      const due = longDate(d.dueDate, locale);
      const contract = `${d.contractReference} ${d.contractTitle}`;
      return locale === 'nl'
        ? compose(
            `Te laat: rapportage ${d.period} voor ${d.contractReference}`,
            [
              'Beste lezer,',
              `De social return-rapportage over het ${halfYear(d.period, 'nl')} voor contract ${contract} (${d.supplierName}) had uiterlijk ${due} ingediend moeten zijn en is nog niet binnen.`,
              'Dien de rapportage zo snel mogelijk in, of neem contact op met het bureau social return.',
            ],
            { label: 'Naar de rapportage', url: d.link },
            footer,
          )
        : compose(
            `Overdue: report ${d.period} for ${d.contractReference}`,
            [
              'Dear reader,',
              `The social return report on the ${halfYear(d.period, 'en')} for contract ${contract} (${d.supplierName}) was due on ${due} and has not been submitted.`,
              'Please submit the report as soon as possible, or contact the social return office.',
            ],
            { label: 'Open the report', url: d.link },
            footer,
          );
    }
    case 'reportReminderSummary':
    case 'reportOverdueSummary':
      return reportSummaryMail(template.kind, template.data, locale, footer);
    case 'invitation': {
      const d = template.data;
      return locale === 'nl'
        ? compose(
            `Uitnodiging voor Retour van ${d.tenantName}`,
            [
              'Beste lezer,',
              `${d.tenantName} nodigt u uit voor Retour, het platform voor social return.`,
              `Kies via de link hieronder een wachtwoord. De link werkt tot ${longDate(d.expiresAt, 'nl')} en één keer.`,
            ],
            { label: 'Account activeren', url: d.link },
            footer,
          )
        : compose(
            `Invitation to Retour from ${d.tenantName}`,
            [
              'Dear reader,',
              `${d.tenantName} invites you to Retour, the social return platform.`,
              `Choose a password through the link below. It works once, until ${longDate(d.expiresAt, 'en')}.`,
            ],
            { label: 'Activate your account', url: d.link },
            footer,
          );
    }
    case 'passwordReset': {
      const d = template.data;
      return locale === 'nl'
        ? compose(
            'Nieuw wachtwoord voor Retour',
            [
              'Beste lezer,',
              'Er is gevraagd om een nieuw wachtwoord voor uw Retour-account. Kies het via de link hieronder; de link werkt één keer en kort.',
              'Heeft u dit niet gevraagd? Dan kunt u dit bericht negeren: uw wachtwoord blijft hetzelfde.',
            ],
            { label: 'Nieuw wachtwoord kiezen', url: d.link },
            footer,
          )
        : compose(
            'New password for Retour',
            [
              'Dear reader,',
              'A new password was requested for your Retour account. Choose it through the link below; it works once and for a short time.',
              'Did you not ask for this? Then ignore this message: your password stays the same.',
            ],
            { label: 'Choose a new password', url: d.link },
            footer,
          );
    }
  }
}

// Contract lifecycle: the verification conversation about one activity.
function activityMail(
  kind: 'activityRejected' | 'activityMoreInfo' | 'activityAnswered',
  d: ActivityMailData,
  locale: Locale,
  footer: string,
): RenderedMail {
  const contract = `${d.contractReference} ${d.contractTitle}`;
  const what =
    locale === 'nl'
      ? `de activiteit ${d.typeCode} in de rapportage over het ${halfYear(d.period, 'nl')} voor contract ${contract} (${d.supplierName})`
      : `the activity ${d.typeCode} in the report on the ${halfYear(d.period, 'en')} for contract ${contract} (${d.supplierName})`;
  const quote = d.message.trim() ? [`“${d.message.trim()}”`] : [];
  const link = { label: locale === 'nl' ? 'Naar de rapportage' : 'Open the report', url: d.link };
  const greeting = locale === 'nl' ? 'Beste lezer,' : 'Dear reader,';
  if (kind === 'activityRejected')
    return locale === 'nl'
      ? compose(
          `Afgewezen: activiteit in rapportage ${d.period} voor ${d.contractReference}`,
          [greeting, `Het bureau social return heeft ${what} afgewezen, met als reden:`, ...quote],
          link,
          footer,
        )
      : compose(
          `Rejected: activity in report ${d.period} for ${d.contractReference}`,
          [greeting, `The social return office rejected ${what}, giving this reason:`, ...quote],
          link,
          footer,
        );
  if (kind === 'activityMoreInfo')
    return locale === 'nl'
      ? compose(
          `Meer informatie gevraagd: rapportage ${d.period} voor ${d.contractReference}`,
          [
            greeting,
            `Het bureau social return vraagt meer informatie over ${what}:`,
            ...quote,
            'Beantwoord de vraag met een toelichting en/of een bewijsstuk in Retour.',
          ],
          link,
          footer,
        )
      : compose(
          `More information asked: report ${d.period} for ${d.contractReference}`,
          [
            greeting,
            `The social return office asks for more information about ${what}:`,
            ...quote,
            'Please answer with a reply and/or evidence in Retour.',
          ],
          link,
          footer,
        );
  return locale === 'nl'
    ? compose(
        `Antwoord van de leverancier: rapportage ${d.period} voor ${d.contractReference}`,
        [greeting, `De leverancier heeft uw vraag over ${what} beantwoord.`, ...quote],
        link,
        footer,
      )
    : compose(
        `Supplier answered: report ${d.period} for ${d.contractReference}`,
        [greeting, `The supplier answered your question about ${what}.`, ...quote],
        link,
        footer,
      );
}

/** One line per report: "REF-1 Groenonderhoud (Bouw & Zn), eerste halfjaar 2026, uiterlijk 31 juli 2026: <link>". */
function reportLine(d: ReportMailData, locale: Locale): string {
  const due = longDate(d.dueDate, locale);
  return locale === 'nl'
    ? `- ${d.contractReference} ${d.contractTitle} (${d.supplierName}), ${halfYear(d.period, 'nl')}, uiterlijk ${due}: ${d.link}`
    : `- ${d.contractReference} ${d.contractTitle} (${d.supplierName}), ${halfYear(d.period, 'en')}, due ${due}: ${d.link}`;
}

function reportSummaryMail(
  kind: 'reportReminderSummary' | 'reportOverdueSummary',
  d: ReportSummaryMailData,
  locale: Locale,
  footer: string,
): RenderedMail {
  const n = d.reports.length;
  const first = longDate(d.reports.map((r) => r.dueDate).sort()[0] ?? '', locale);
  const shown = d.reports.slice(0, summaryLines).map((r) => reportLine(r, locale));
  const rest = n - shown.length;
  const more =
    rest > 0 ? [locale === 'nl' ? `En nog ${rest} andere rapportages.` : `And ${rest} more reports.`] : [];
  const list = [shown.join('\n'), ...more];
  if (kind === 'reportReminderSummary')
    return locale === 'nl'
      ? compose(
          `Herinnering: ${n} rapportages in te dienen, de eerste uiterlijk ${first}`,
          [
            'Beste lezer,',
            `Deze ${n} social return-rapportages moeten binnenkort worden ingediend:`,
            ...list,
            'Vul de activiteiten en bewijsstukken in en dien elke rapportage in vóór de genoemde datum.',
          ],
          { label: 'Naar Retour', url: d.link },
          footer,
        )
      : compose(
          `Reminder: ${n} reports due, the first on ${first}`,
          [
            'Dear reader,',
            `These ${n} social return reports are due soon:`,
            ...list,
            'Please add the activities and evidence and submit each report before its date.',
          ],
          { label: 'Open Retour', url: d.link },
          footer,
        );
  return locale === 'nl'
    ? compose(
        `Te laat: ${n} rapportages`,
        [
          'Beste lezer,',
          `Deze ${n} social return-rapportages hadden al ingediend moeten zijn en zijn nog niet binnen:`,
          ...list,
          'Dien ze zo snel mogelijk in, of neem contact op met het bureau social return.',
        ],
        { label: 'Naar Retour', url: d.link },
        footer,
      )
    : compose(
        `Overdue: ${n} reports`,
        [
          'Dear reader,',
          `These ${n} social return reports were due and have not been submitted:`,
          ...list,
          'Please submit them as soon as possible, or contact the social return office.',
        ],
        { label: 'Open Retour', url: d.link },
        footer,
      );
}
