import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { NeedText } from './InitiativeCard.tsx';
import { useReasonText } from './Matching.tsx';
import { marketEndpoints, needKinds, themes, type Initiative, type RankedNeed } from './model.ts';

/** The open needs that fit the supplier's strengths, best first, each saying why. */
function FittingNeeds() {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const ranked = useResource<{ items: RankedNeed[] }>(marketEndpoints.rankedNeeds(20));
  return (
    <section aria-labelledby="fitting-needs" className="retour-card">
      <Heading level={2} id="fitting-needs">
        {t('match.needsTitle')}
      </Heading>
      <ResourceView resource={ranked}>
        {(data) => {
          const fitting = data.items.filter((r) => r.fits);
          return fitting.length === 0 ? (
            <Paragraph>
              {t('match.noNeeds')} <Link to="/offer">{t('match.toOffer')}</Link>
            </Paragraph>
          ) : (
            <>
              <ol className="retour-ranked">
                {fitting.map((r) => (
                  <li key={r.need.id}>
                    <Link to={`/marketplace/${r.initiativeId}?need=${r.need.id}`}>{r.initiativeName}</Link>:{' '}
                    <NeedText need={r.need} />
                    <br />
                    {t('match.fitsYourOffer', { why: reasonText(r.reasons) })}
                  </li>
                ))}
              </ol>
              <Paragraph>
                <Link to="/offer">{t('match.editOffer')}</Link>
              </Paragraph>
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}

/** Suppliers browse the approved initiatives of the municipality, by theme and kind of need. */
export default function MarketplacePage() {
  const { t, tx } = useI18n();
  const [theme, setTheme] = useState('');
  const [needKind, setNeedKind] = useState('');
  const list = useResource<{ items: Initiative[] }>(marketEndpoints.list({ theme, needKind }));
  return (
    <>
      <PageTitle title={t('market.title')}>{t('market.title')}</PageTitle>
      <Paragraph>{t('market.lead')}</Paragraph>
      <FittingNeeds />
      <Heading level={2}>{t('match.allTitle')}</Heading>
      <form className="retour-form retour-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="market-theme"
          label={t('market.filterTheme')}
          value={theme}
          onChange={(e) => setTheme(e.target.value)}
          options={[
            { value: '', label: t('market.all') },
            ...themes.map((x) => ({ value: x, label: tx('market.theme', x) })),
          ]}
        />
        <SelectField
          id="market-need"
          label={t('market.filterNeed')}
          value={needKind}
          onChange={(e) => setNeedKind(e.target.value)}
          options={[
            { value: '', label: t('market.all') },
            ...needKinds.map((x) => ({ value: x, label: tx('market.needKind', x) })),
          ]}
        />
      </form>
      <ResourceView resource={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t('market.none')}</Paragraph>
          ) : (
            <ul className="retour-card-list">
              {data.items.map((i) => (
                <li key={i.id} className="retour-card">
                  <Heading level={3}>
                    <Link to={`/marketplace/${i.id}`}>{i.name}</Link>
                  </Heading>
                  <Paragraph>{i.description}</Paragraph>
                  <Paragraph>
                    {t('market.themes')}: {i.themes.map((x) => tx('market.theme', x)).join(', ')}
                  </Paragraph>
                  <ul>
                    {i.needs.map((n, k) => (
                      <li key={n.id ?? k}>
                        <NeedText need={n} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </>
  );
}
