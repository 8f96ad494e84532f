import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useResource } from '../../lib/useResource.ts';
import { ResourceView } from '../../ui/states.tsx';
import { DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { NeedText } from './InitiativeCard.tsx';
import {
  marketEndpoints,
  type FittingSupplier,
  type MatchReason,
  type Need,
  type Strengths,
} from './model.ts';

/** A supplier's stated offer, read-only (the advisor on the supplier's page). */
export function StrengthsSummary({ supplierId }: { supplierId: string }) {
  const { t, tx, number, money, date } = useI18n();
  const strengths = useResource<Strengths>(marketEndpoints.strengths(supplierId));
  const amount = (n: number | null, show: (n: number) => string) => (n === null ? null : show(n));
  return (
    <section aria-labelledby="supplier-offer">
      <Heading level={2} id="supplier-offer">
        {t('offer.ofSupplier')}
      </Heading>
      <ResourceView resource={strengths}>
        {(s) =>
          s.updatedAt === null ? (
            <Paragraph>{t('offer.none')}</Paragraph>
          ) : (
            <DataList
              items={[
                {
                  key: t('offer.kinds'),
                  value: s.kinds.map((k) => tx('offer.kind', k)).join(', ') || '—',
                },
                { key: t('offer.expertise'), value: s.expertise.join(', ') || '—' },
                {
                  key: t('offer.capacity'),
                  value:
                    [
                      amount(s.hoursCapacity, (n) => `${number(n)} ${tx('market.needKind', 'hours')}`),
                      amount(s.goodsCapacity, (n) => `${number(n)} ${tx('market.needKind', 'goods')}`),
                      amount(s.moneyCapacityCents, money),
                      amount(s.placesCapacity, (n) => `${number(n)} ${tx('market.needKind', 'place')}`),
                    ]
                      .filter(Boolean)
                      .join(', ') || '—',
                },
                {
                  key: t('offer.themes'),
                  value: s.themes.map((x) => tx('market.theme', x)).join(', ') || '—',
                },
                { key: t('offer.targetGroups'), value: s.targetGroups.join(', ') || '—' },
                { key: t('offer.description'), value: s.description || '—' },
                { key: t('offer.updatedAt'), value: date(s.updatedAt.slice(0, 10)) },
              ]}
            />
          )
        }
      </ResourceView>
    </section>
  );
}

/** The reasons of a match in words: "uren, expertise ICT, genoeg capaciteit, thema Onderwijs". */
export function useReasonText(): (reasons: MatchReason[]) => string {
  const { t, tx } = useI18n();
  return (reasons) =>
    reasons
      .map((r) => {
        switch (r.rule) {
          case 'kind':
            return r.matched.map((k) => tx('market.needKind', k)).join(', ');
          case 'expertise':
            return t('match.expertise', { what: r.matched.join(', ') });
          case 'capacity':
            return t('match.capacity');
          case 'theme':
            return t('match.theme', { what: r.matched.map((x) => tx('market.theme', x)).join(', ') });
          case 'targetGroup':
            return t('match.targetGroup', { what: r.matched.join(', ') });
        }
      })
      .join(', ');
}

/** The suppliers whose strengths fit one need, best first, with why (initiative and municipality). */
export function FittingSuppliers({
  initiativeId,
  need,
}: {
  initiativeId: string;
  need: Need & { id: string };
}) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const list = useResource<{ items: FittingSupplier[] }>(
    marketEndpoints.fittingSuppliers(initiativeId, need.id),
  );
  const headingId = `fitting-${need.id}`;
  return (
    <section aria-labelledby={headingId} className="retour-card">
      <Heading level={3} id={headingId}>
        {t('match.suppliersFor')} <NeedText need={need} />
      </Heading>
      <ResourceView resource={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t('match.noSuppliers')}</Paragraph>
          ) : (
            <ol>
              {data.items.map((s) => (
                <li key={s.supplierId}>
                  <strong>{s.supplierName}</strong> — {t('match.fitsBecause', { why: reasonText(s.reasons) })}{' '}
                  ({t('match.score', { score: String(s.score) })})
                  {s.description ? <Paragraph>{s.description}</Paragraph> : null}
                </li>
              ))}
            </ol>
          )
        }
      </ResourceView>
    </section>
  );
}

/** Every open, saved need of an initiative with the suppliers that fit it. */
export function FittingSuppliersOfNeeds({ initiativeId, needs }: { initiativeId: string; needs: Need[] }) {
  const { t } = useI18n();
  const open = needs.flatMap((n) => (n.id && n.status !== 'closed' ? [{ ...n, id: n.id }] : []));
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="fitting-suppliers">
      <Heading level={2} id="fitting-suppliers">
        {t('match.suppliersTitle')}
      </Heading>
      <Paragraph>{t('match.suppliersLead')}</Paragraph>
      {open.map((n) => (
        <FittingSuppliers key={n.id} initiativeId={initiativeId} need={n} />
      ))}
    </section>
  );
}
