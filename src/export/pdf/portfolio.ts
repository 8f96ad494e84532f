import type { Writable } from 'node:stream';
import type { DashboardView } from '../../app/lifecycle/progress.ts';
import { h, halfYearText, word } from '../labels.ts';
import { dashboardTables } from '../tables.ts';
import type { Lang } from '../table.ts';
import { amountsChart, measuresTable } from './parts.ts';
import { longDate, money, TaggedPdf } from './tagged.ts';

const s = {
  title: { nl: 'Social return: portefeuillerapportage', en: 'Social return: portfolio report' },
  asOf: { nl: 'Stand op', en: 'As of' },
  totals: { nl: 'Totaal', en: 'Total' },
  lead: {
    nl: (n: number, v: string, o: string) =>
      `${n} contracten. Geverifieerd ${v} van een verplichting van ${o}.`,
    en: (n: number, v: string, o: string) => `${n} contracts. Verified ${v} of an obligation of ${o}.`,
  },
  byStatus: { nl: 'Contracten per status', en: 'Contracts by status' },
  contracts: { nl: 'Contracten (achterlopend eerst)', en: 'Contracts (behind schedule first)' },
  byCategory: { nl: 'Per categorie', en: 'By category' },
  byHalfYear: { nl: 'Per halfjaar', en: 'By half-year' },
  bySupplier: { nl: 'Per leverancier', en: 'By supplier' },
  footer: {
    nl: 'Alle bedragen in euro, exclusief btw. Verwacht naar rato: het deel van de verplichting dat bij gelijkmatige invulling op deze datum gerealiseerd zou zijn. Per halfjaar tellen bedragen vóór de categoriemaxima, die over de hele looptijd gelden.',
    en: 'All amounts in euro, excluding VAT. Expected pro rata: the share of the obligation that even progress would have realised by this date. By half-year, amounts count before the category caps, which apply to the whole term.',
  },
};

/** The portfolio report for the council (GET /dashboard?format=pdf) as a tagged PDF. */
export async function writePortfolioPdf(d: DashboardView, lang: Lang, out: Writable): Promise<void> {
  const title = s.title[lang];
  const pdf = new TaggedPdf({ title, lang });
  const tables = dashboardTables(d);
  pdf.heading(1, title);
  pdf.paragraph(`${s.asOf[lang]} ${longDate(d.asOf, lang)}`);

  pdf.heading(2, s.totals[lang]);
  pdf.paragraph(
    s.lead[lang](
      d.totals.contracts,
      money(d.totals.verifiedCents, lang),
      money(d.totals.obligationCents, lang),
    ),
  );
  pdf.table(measuresTable(d.totals, lang));
  pdf.heading(3, s.byStatus[lang]);
  pdf.facts(
    (['behind', 'onTrack', 'met', 'notMet'] as const).map((k) => [
      word('status', k, lang),
      String(d.totals.byStatus[k]),
    ]),
  );

  pdf.heading(2, s.byCategory[lang]);
  amountsChart(
    pdf,
    s.byCategory[lang],
    d.byCategory.map((r) => ({ ...r, label: word('category', r.category, lang) })),
  );
  pdf.table(tables.byCategory);

  pdf.heading(2, s.byHalfYear[lang]);
  amountsChart(
    pdf,
    s.byHalfYear[lang],
    d.byHalfYear.map((r) => ({ ...r, label: halfYearText(r.period, lang) })),
  );
  pdf.table(tables.byHalfYear);

  pdf.heading(2, s.bySupplier[lang]);
  amountsChart(
    pdf,
    s.bySupplier[lang],
    d.bySupplier.map((r) => ({ ...r, label: r.supplierName })),
  );
  pdf.table(tables.bySupplier);

  pdf.heading(2, s.contracts[lang]);
  pdf.table({
    ...tables.contracts,
    columns: tables.contracts.columns.filter(
      (c) => !['id', 'title', 'regime', 'plannedCents'].includes(c.key),
    ),
  });
  pdf.paragraph(s.footer[lang], { small: true });
  pdf.paragraph(`${h.contracts[lang]}: ${d.contracts.length}`, { small: true });
  await pdf.finish(out);
}
