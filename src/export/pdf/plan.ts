import type { Writable } from 'node:stream';
import type { ContractView } from '../../app/lifecycle/present.ts';
import type { PlanView } from '../../app/lifecycle/plan.ts';
import { h, halfYearText, word } from '../labels.ts';
import { planItemsTable } from '../tables.ts';
import type { Lang } from '../table.ts';
import { longDate, money, TaggedPdf } from './tagged.ts';

const s = {
  title: { nl: 'Plan van aanpak social return', en: 'Social return plan of approach' },
  contract: { nl: 'Contract', en: 'Contract' },
  term: { nl: 'Looptijd', en: 'Term' },
  status: { nl: 'Status van het plan', en: 'Plan status' },
  version: { nl: 'Goedgekeurde versie', en: 'Approved version' },
  intake: { nl: 'Afspraken uit het intakegesprek', en: 'Agreed at the intake' },
  overview: { nl: 'Gepland tegenover de verplichting', en: 'Planned against the obligation' },
  perHalfYear: { nl: 'Wat wij doen, per halfjaar', en: 'What we will do, per half-year' },
  none: { nl: 'Er zijn nog geen activiteiten gepland.', en: 'No activities have been planned yet.' },
  subtotal: { nl: 'Gepland in dit halfjaar', en: 'Planned in this half-year' },
  shortfall: { nl: 'Nog te plannen', en: 'Still to plan' },
  surplus: { nl: 'Meer gepland dan de verplichting', en: 'Planned above the obligation' },
  footer: {
    nl: 'Bedragen in euro, gewaardeerd volgens het social return-beleid dat gold bij de gunning. De gemeente beoordeelt dit plan; pas na goedkeuring telt het als toezegging.',
    en: 'Amounts in euro, valued by the social return policy in force at award. The municipality reviews this plan; it counts as a commitment once approved.',
  },
};

/**
 * The supplier's plan of approach (GET /contracts/{id}/plan?format=pdf): the working copy's
 * activities per half-year with their value, and the planned total against the obligation.
 */
export async function writePlanPdf(contract: ContractView, plan: PlanView, lang: Lang, out: Writable) {
  const title = `${s.title[lang]} ${contract.reference}`;
  const pdf = new TaggedPdf({ title, lang, subject: contract.title });
  pdf.heading(1, title);
  pdf.paragraph(`${contract.title} · ${contract.supplierName}`);
  pdf.heading(2, s.contract[lang]);
  pdf.facts([
    [h.supplier[lang], contract.supplierName],
    [h.reference[lang], contract.reference],
    [s.term[lang], `${longDate(contract.startDate, lang)} – ${longDate(contract.endDate, lang)}`],
    [h.obligation[lang], money(plan.obligationCents, lang)],
    [s.status[lang], word('planStatus', plan.status, lang)],
    ...(plan.approved
      ? [[s.version[lang], `${plan.approved.version} · ${money(plan.approved.plannedCents, lang)}`] as const]
      : []),
  ]);
  if (plan.intake?.agreedDirection) {
    pdf.heading(2, s.intake[lang]);
    pdf.paragraph(plan.intake.agreedDirection);
  }

  pdf.heading(2, s.overview[lang]);
  const gap = plan.obligationCents - plan.plannedCents;
  pdf.facts([
    [h.obligation[lang], money(plan.obligationCents, lang)],
    [h.planned[lang], money(plan.plannedCents, lang)],
    [gap >= 0 ? s.shortfall[lang] : s.surplus[lang], money(Math.abs(gap), lang)],
  ]);

  pdf.heading(2, s.perHalfYear[lang]);
  if (plan.items.length === 0) pdf.paragraph(s.none[lang]);
  const periods = [...new Set(plan.items.map((i) => i.period))].sort();
  for (const period of periods) {
    const items = plan.items.filter((i) => i.period === period);
    const subtotal = items.reduce((sum, i) => sum + i.valueCents, 0);
    pdf.heading(3, halfYearText(period, lang));
    const table = planItemsTable(items, { nl: halfYearText(period, 'nl'), en: halfYearText(period, 'en') });
    pdf.table({
      ...table,
      columns: table.columns.filter((c) => c.key !== 'period' && c.key !== 'amountCents'),
    });
    pdf.paragraph(`${s.subtotal[lang]}: ${money(subtotal, lang)}`);
  }
  pdf.paragraph(s.footer[lang], { small: true });
  await pdf.finish(out);
}
