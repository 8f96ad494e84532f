import {
  categories,
  obligationInYear,
  publicCount,
  yearRange,
  type Category,
  type PublicCount,
} from '../../domain/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { contractTerms, publishingTenant, valueSums } from '../../db/repositories/publication.ts';
import { defineUseCase } from '../use-case.ts';

/** The same answer for a municipality that does not exist and one that does not publish. */
export function notPublished(slug: string): DomainError {
  return new DomainError('NOT_FOUND', `No municipality "${slug}" publishes results here.`);
}

export interface PublicResults {
  tenant: { slug: string; name: string };
  year: number;
  /** Contracts with social return (regime trust or plan) whose term touches the year. */
  contracts: number;
  obligationCents: number;
  realisedCents: number;
  verifiedCents: number;
  people: PublicCount;
  byCategory: { category: Category; realisedCents: number; verifiedCents: number; people: PublicCount }[];
  byTheme: { theme: string; realisedCents: number; verifiedCents: number }[];
}

/**
 * What a publishing municipality's social return delivered in a year, for anyone: the obligation
 * falling in the year (spread pro rata by days, as the dashboard's half-years), realised and verified
 * value of the year's half-years (before category caps, which apply to a contract's whole term), by
 * category and theme, and the number of people (distinct candidates in accepted activities) — counts
 * below 5 as "< 5", never a person or candidate code.
 */
export const publicResults = defineUseCase({
  name: 'results.public',
  access: 'public',
  async run({ deps }, input: { slug: string; year: number }): Promise<PublicResults> {
    const range = yearRange(input.year);
    const tenant = await publishingTenant(deps.db, input.slug);
    if (!tenant) throw notPublished(input.slug);
    const [terms, sums] = await Promise.all([
      contractTerms(deps.db, tenant.id, range),
      valueSums(deps.db, tenant.id, range.periods),
    ]);
    const by = new Map(sums.byCategory.map((r) => [r.category, r]));
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      year: input.year,
      contracts: terms.filter((t) => t.regime !== 'none').length,
      obligationCents: terms.reduce((s, t) => s + obligationInYear(t, input.year), 0),
      realisedCents: sums.byCategory.reduce((s, r) => s + r.realisedCents, 0),
      verifiedCents: sums.byCategory.reduce((s, r) => s + r.verifiedCents, 0),
      people: publicCount(sums.people),
      byCategory: categories.map((category) => ({
        category,
        realisedCents: by.get(category)?.realisedCents ?? 0,
        verifiedCents: by.get(category)?.verifiedCents ?? 0,
        people: publicCount(by.get(category)?.people ?? 0),
      })),
      byTheme: sums.byTheme,
    };
  },
});
