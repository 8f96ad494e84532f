import { contractTerms, contractValueTotals, publishingTenant } from '../../db/repositories/publication.ts';
import { defineUseCase } from '../use-case.ts';
import { notPublished } from './public-results.ts';

/**
 * A publishing municipality's contracts as open data: each with its social return condition
 * (regime, obligation, reserved) and results over its life (realised, verified). About companies
 * and contracts only: no person, no candidate code.
 */
export const openData = defineUseCase({
  name: 'results.openData',
  access: 'public',
  async run({ deps }, input: { slug: string }) {
    const tenant = await publishingTenant(deps.db, input.slug);
    if (!tenant) throw notPublished(input.slug);
    const [terms, totals] = await Promise.all([
      contractTerms(deps.db, tenant.id),
      contractValueTotals(deps.db, tenant.id),
    ]);
    return {
      tenant,
      contracts: terms.map((t) => ({
        reference: t.reference,
        title: t.title,
        supplierName: t.supplierName,
        supplierKvk: t.supplierKvk,
        kind: t.kind,
        regime: t.regime,
        reserved: t.reserved,
        valueCents: t.valueCents,
        totalValueCents: t.totalValueCents,
        obligationCents: t.obligationCents,
        startDate: t.startDate,
        endDate: t.endDate,
        awardDate: t.awardDate,
        realisedCents: totals.get(t.id)?.realisedCents ?? 0,
        verifiedCents: totals.get(t.id)?.verifiedCents ?? 0,
      })),
    };
  },
});
