import { h } from '../labels.ts';
import type { Lang, Table, Text } from '../table.ts';
import { money, type BarSeries, type TaggedPdf } from './tagged.ts';

/** The bar colours of the screen's charts (planned, realised, verified), dark enough on white. */
export const amountSeries = (lang: Lang): BarSeries[] => [
  { label: h.planned[lang], color: '#7a5c00' },
  { label: h.realised[lang], color: '#1565c0' },
  { label: h.verified[lang], color: '#2e7d32' },
];

type Amounts = { label: string; plannedCents: number; realisedCents: number; verifiedCents: number };

/** A planned / realised / verified chart whose alt text says every number in it. */
export function amountsChart(pdf: TaggedPdf, title: string, rows: readonly Amounts[]): void {
  const lang = pdf.lang;
  const intro = lang === 'nl' ? `Staafdiagram ${title.toLowerCase()}` : `Bar chart ${title.toLowerCase()}`;
  const alt = [
    `${intro}: ${h.planned[lang].toLowerCase()}, ${h.realised[lang].toLowerCase()} ${lang === 'nl' ? 'en' : 'and'} ${h.verified[lang].toLowerCase()}.`,
    ...rows.map(
      (r) =>
        `${r.label}: ${money(r.plannedCents, lang)}, ${money(r.realisedCents, lang)}, ${money(r.verifiedCents, lang)}.`,
    ),
    lang === 'nl' ? 'De tabel hierna geeft dezelfde bedragen.' : 'The table below gives the same amounts.',
  ].join(' ');
  pdf.barChart({
    alt,
    series: amountSeries(lang),
    groups: rows.map((r) => ({ label: r.label, values: [r.plannedCents, r.realisedCents, r.verifiedCents] })),
  });
}

type Measures = {
  obligationCents: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
  expectedCents: number;
  forecastCents: number;
};

/** The six figures of progress as a two-column table. */
export function measuresTable(p: Measures, lang: Lang): Table<{ measure: Text; cents: number }> {
  return {
    title: { nl: 'Voortgang', en: 'Progress' },
    rows: [
      { measure: h.obligation, cents: p.obligationCents },
      { measure: h.planned, cents: p.plannedCents },
      { measure: h.realised, cents: p.realisedCents },
      { measure: h.verified, cents: p.verifiedCents },
      { measure: h.expected, cents: p.expectedCents },
      { measure: h.forecast, cents: p.forecastCents },
    ],
    columns: [
      { key: 'measure', header: h.measure, type: 'text', value: (r) => r.measure[lang] },
      { key: 'cents', header: h.amount, type: 'cents', value: (r) => r.cents },
    ],
  };
}
