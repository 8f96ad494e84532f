import type { Writable } from 'node:stream';
import type { OpenQuestion } from '../../app/lifecycle/contract-summary.ts';
import type { HalfYearAmounts } from '../../app/lifecycle/half-years.ts';
import type { ContractView, ReportView } from '../../app/lifecycle/present.ts';
import { categories, type Progress } from '../../domain/index.ts';
import { h, halfYearText, word } from '../labels.ts';
import type { Lang, Table } from '../table.ts';
import { amountsChart, measuresTable } from './parts.ts';
import { longDate, money, TaggedPdf } from './tagged.ts';

/** What the evaluation summary shows: the JSON answer of GET /contracts/{id}/summary. */
export interface SummaryData {
  asOf: string;
  contract: ContractView;
  progress: Progress;
  plan: { status: string; plannedCents: number } | null;
  reports: readonly ReportView[];
  story: Record<Lang, string>;
  byHalfYear: readonly HalfYearAmounts[];
  openQuestions: readonly OpenQuestion[];
  intake: { date: string; notes: string; agreedDirection: string } | null;
}

const s = {
  title: { nl: 'Evaluatiesamenvatting', en: 'Evaluation summary' },
  asOf: { nl: 'Stand op', en: 'As of' },
  story: { nl: 'Samenvatting', en: 'Summary' },
  contract: { nl: 'Contract', en: 'Contract' },
  term: { nl: 'Looptijd', en: 'Term' },
  plan: { nl: 'Plan van aanpak', en: 'Plan of approach' },
  progress: { nl: 'Voortgang', en: 'Progress' },
  byCategory: { nl: 'Per categorie', en: 'By category' },
  byHalfYear: { nl: 'Per halfjaar', en: 'By half-year' },
  reports: { nl: 'Halfjaarrapportages', en: 'Half-year reports' },
  due: { nl: 'Uiterlijk', en: 'Due' },
  questions: { nl: 'Open vragen', en: 'Open questions' },
  noQuestions: { nl: 'Er staan geen vragen open.', en: 'There are no open questions.' },
  question: { nl: 'Vraag van de adviseur', en: 'Advisor’s question' },
  reply: { nl: 'Antwoord leverancier', en: 'Supplier’s answer' },
  notes: { nl: 'Notities van de adviseur', en: 'Advisor’s notes' },
  noNotes: { nl: 'Er zijn geen notities vastgelegd.', en: 'No notes have been recorded.' },
  intake: { nl: 'Intakegesprek', en: 'Intake conversation' },
  direction: { nl: 'Afgesproken richting', en: 'Agreed direction' },
  statusIs: { nl: 'Status', en: 'Status' },
  footer: {
    nl: 'Alle bedragen in euro, exclusief btw. Gerealiseerd telt de gerapporteerde activiteiten die niet zijn afgewezen; geverifieerd alleen wat de adviseur heeft geaccepteerd.',
    en: 'All amounts in euro, excluding VAT. Realised counts the reported activities not rejected; verified only what the advisor accepted.',
  },
};

/** The contract manager's evaluation summary as a tagged PDF, in Dutch or English. */
export async function writeSummaryPdf(data: SummaryData, lang: Lang, out: Writable): Promise<void> {
  const { contract: c, progress: p } = data;
  const title = `${s.title[lang]} ${c.reference}`;
  const pdf = new TaggedPdf({ title, lang, subject: c.title });
  pdf.heading(1, title);
  pdf.paragraph(`${c.title} · ${s.asOf[lang]} ${longDate(data.asOf, lang)}`);

  pdf.heading(2, s.story[lang]);
  pdf.paragraph(data.story[lang]);

  pdf.heading(2, s.contract[lang]);
  pdf.facts([
    [h.supplier[lang], c.supplierName],
    [h.contractManager[lang], c.contractManagerName ?? '–'],
    [h.totalValue[lang], money(c.totalValueCents, lang)],
    [s.term[lang], `${longDate(c.startDate, lang)} – ${longDate(c.endDate, lang)}`],
    [h.regime[lang], word('regime', c.regime, lang)],
    [
      h.obligation[lang],
      `${money(c.obligation.amountCents, lang)} (${lang === 'nl' ? c.obligation.explanationNl : c.obligation.explanation})`,
    ],
    ...(data.plan
      ? [
          [
            s.plan[lang],
            `${word('planStatus', data.plan.status, lang)} · ${money(data.plan.plannedCents, lang)}`,
          ] as const,
        ]
      : []),
  ]);

  pdf.heading(2, s.progress[lang]);
  pdf.paragraph(`${s.statusIs[lang]}: ${word('status', p.status, lang)}.`);
  pdf.table(measuresTable(p, lang));

  pdf.heading(2, s.byCategory[lang]);
  const byCategory: Table<{
    category: string;
    plannedCents: number;
    realisedCents: number;
    verifiedCents: number;
  }> = {
    title: s.byCategory,
    rows: categories.map((k) => ({ category: k, ...p.byCategory[k] })),
    columns: [
      { key: 'category', header: h.category, type: 'text', value: (r) => word('category', r.category, lang) },
      { key: 'plannedCents', header: h.planned, type: 'cents', value: (r) => r.plannedCents },
      { key: 'realisedCents', header: h.realised, type: 'cents', value: (r) => r.realisedCents },
      { key: 'verifiedCents', header: h.verified, type: 'cents', value: (r) => r.verifiedCents },
    ],
  };
  pdf.table(byCategory);

  pdf.heading(2, s.byHalfYear[lang]);
  amountsChart(
    pdf,
    s.byHalfYear[lang],
    data.byHalfYear.map((r) => ({ ...r, label: halfYearText(r.period, lang) })),
  );
  pdf.table({
    title: s.byHalfYear,
    rows: data.byHalfYear,
    columns: [
      {
        key: 'period',
        header: h.period,
        type: 'text',
        value: (r: HalfYearAmounts) => halfYearText(r.period, lang),
      },
      {
        key: 'obligationCents',
        header: h.obligation,
        type: 'cents',
        value: (r: HalfYearAmounts) => r.obligationCents,
      },
      {
        key: 'plannedCents',
        header: h.planned,
        type: 'cents',
        value: (r: HalfYearAmounts) => r.plannedCents,
      },
      {
        key: 'realisedCents',
        header: h.realised,
        type: 'cents',
        value: (r: HalfYearAmounts) => r.realisedCents,
      },
      {
        key: 'verifiedCents',
        header: h.verified,
        type: 'cents',
        value: (r: HalfYearAmounts) => r.verifiedCents,
      },
    ],
  });

  pdf.heading(2, s.reports[lang]);
  pdf.table({
    title: s.reports,
    rows: data.reports.filter((r) => r.current),
    columns: [
      {
        key: 'period',
        header: h.period,
        type: 'text',
        value: (r: ReportView) => halfYearText(r.period, lang),
      },
      { key: 'dueDate', header: s.due, type: 'date', value: (r: ReportView) => r.dueDate },
      {
        key: 'status',
        header: h.status,
        type: 'text',
        value: (r: ReportView) => word('reportStatus', r.status, lang),
      },
    ],
  });

  pdf.heading(2, s.questions[lang]);
  if (data.openQuestions.length === 0) pdf.paragraph(s.noQuestions[lang]);
  else
    pdf.table({
      title: s.questions,
      rows: data.openQuestions,
      columns: [
        {
          key: 'period',
          header: h.period,
          type: 'text',
          value: (q: OpenQuestion) => halfYearText(q.period, lang),
        },
        { key: 'typeCode', header: h.activityType, type: 'text', value: (q: OpenQuestion) => q.typeCode },
        { key: 'valueCents', header: h.valueCents, type: 'cents', value: (q: OpenQuestion) => q.valueCents },
        { key: 'question', header: s.question, type: 'text', value: (q: OpenQuestion) => q.question },
        { key: 'reply', header: s.reply, type: 'text', value: (q: OpenQuestion) => q.reply ?? '–' },
      ],
    });

  pdf.heading(2, s.notes[lang]);
  if (!data.intake) pdf.paragraph(s.noNotes[lang]);
  else {
    pdf.heading(3, `${s.intake[lang]} ${longDate(data.intake.date, lang)}`);
    if (data.intake.notes) pdf.paragraph(data.intake.notes);
    if (data.intake.agreedDirection) pdf.paragraph(`${s.direction[lang]}: ${data.intake.agreedDirection}`);
  }
  pdf.paragraph(s.footer[lang], { small: true });
  await pdf.finish(out);
}
