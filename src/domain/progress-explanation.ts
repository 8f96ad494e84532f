import { daysInclusive, toDayNumber, type IsoDate } from './dates.ts';
import { formatEuro } from './money.ts';

/** The figures of one contract's progress at a date, as {@link computeProgress} returns them. */
export interface ProgressFigures {
  obligationCents: number;
  startDate: IsoDate;
  endDate: IsoDate;
  asOf: IsoDate;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
  expectedCents: number;
  forecastCents: number;
}

export type ProgressExplanation = Record<
  'planned' | 'realised' | 'verified' | 'expected' | 'forecast',
  string
>;

/** `€17.500,00` in Dutch, `€17,500.00` in English (separators swapped; deterministic). */
function euro(c: number, lang: 'nl' | 'en'): string {
  const nl = formatEuro(c);
  return lang === 'nl' ? nl : nl.replace(/[.,]/g, (s) => (s === '.' ? ',' : '.'));
}

/**
 * "Every euro explains itself" for the progress figures (domain.md §7): the rule and the arithmetic
 * behind planned, realised, verified, expected (obligation pro rata by days) and forecast
 * (realised × term days / elapsed days).
 * @example progressExplanation({ obligationCents: 36_500, startDate: '2026-01-01', endDate: '2026-12-31', asOf: '2026-04-30', expectedCents: 12_000, ... }, 'nl').expected
 *   // '€365,00 × 120 / 365 dagen = €120,00'
 */
export function progressExplanation(f: ProgressFigures, lang: 'nl' | 'en'): ProgressExplanation {
  const m = (c: number) => euro(c, lang);
  const term = daysInclusive(f.startDate, f.endDate);
  const elapsed = toDayNumber(f.asOf, 'asOf') - toDayNumber(f.startDate, 'startDate') + 1;
  const before = elapsed <= 0;
  const after = elapsed >= term;
  // A forecast far above the obligation comes from straight-line extrapolation of early value
  // (a one-off purchase or pledge in the first weeks): say so, with how many times it is.
  const times =
    !before && !after && f.obligationCents > 0 && f.forecastCents > f.obligationCents
      ? (Math.round((f.forecastCents / f.obligationCents) * 10) / 10).toFixed(1)
      : null;
  if (lang === 'en') {
    return {
      planned: `Sum of the activities in the latest approved plan, each valued by the catalogue: ${m(f.plannedCents)}. A plan that is not yet approved does not count here.`,
      realised: `Sum of the reported activities that were not rejected, counted after the category caps: ${m(f.realisedCents)}.`,
      verified: `Sum of the accepted activities, counted after the category caps: ${m(f.verifiedCents)}. Only verified value closes the obligation of ${m(f.obligationCents)}.`,
      expected: before
        ? `Before the start of the term nothing is expected yet: ${m(f.expectedCents)}.`
        : after
          ? `At or after the end of the term the whole obligation is expected: ${m(f.expectedCents)}.`
          : `${m(f.obligationCents)} × ${elapsed} / ${term} days = ${m(f.expectedCents)}`,
      forecast: before
        ? `Before the start of the term there is no forecast: ${m(f.forecastCents)}.`
        : after
          ? `At or after the end of the term the forecast equals the realised value: ${m(f.forecastCents)}.`
          : `${m(f.realisedCents)} realised × ${term} / ${elapsed} days = ${m(f.forecastCents)}` +
            (times
              ? `. That is ${times}× the obligation: the forecast extends the pace so far in a straight line to the end of the term, so a one-off contribution early in the term (a purchase, a pledge) weighs heavily.`
              : ''),
    };
  }
  return {
    planned: `Som van de activiteiten in het laatst goedgekeurde plan, elk gewaardeerd volgens de catalogus: ${m(f.plannedCents)}. Een plan dat nog niet is goedgekeurd telt hier niet mee.`,
    realised: `Som van de gerapporteerde activiteiten die niet zijn afgewezen, geteld na de maxima per categorie: ${m(f.realisedCents)}.`,
    verified: `Som van de geaccepteerde activiteiten, geteld na de maxima per categorie: ${m(f.verifiedCents)}. Alleen geverifieerde waarde lost de verplichting van ${m(f.obligationCents)} in.`,
    expected: before
      ? `Vóór de start van de looptijd wordt nog niets verwacht: ${m(f.expectedCents)}.`
      : after
        ? `Op of na het einde van de looptijd wordt de hele verplichting verwacht: ${m(f.expectedCents)}.`
        : `${m(f.obligationCents)} × ${elapsed} / ${term} dagen = ${m(f.expectedCents)}`,
    forecast: before
      ? `Vóór de start van de looptijd is er geen prognose: ${m(f.forecastCents)}.`
      : after
        ? `Op of na het einde van de looptijd is de prognose gelijk aan het gerealiseerde bedrag: ${m(f.forecastCents)}.`
        : `${m(f.realisedCents)} gerealiseerd × ${term} / ${elapsed} dagen = ${m(f.forecastCents)}` +
          (times
            ? `. Dat is ${times.replace('.', ',')}× de verplichting: de prognose trekt het tempo tot nu toe in een rechte lijn door tot het einde van de looptijd, dus een eenmalige bijdrage vroeg in de looptijd (een aankoop, een toezegging) weegt zwaar.`
            : ''),
  };
}
