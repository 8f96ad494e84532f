import { useEffect, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Heading, Paragraph } from '../../ui/text.tsx';
import type { MessageKey } from '../../i18n/nl.ts';

type Count = number | '< 5';
interface Results {
  tenant: { slug: string; name: string };
  year: number;
  contracts: number;
  obligationCents: number;
  realisedCents: number;
  verifiedCents: number;
  people: Count;
  byCategory: { category: string; realisedCents: number; verifiedCents: number; people: Count }[];
  byTheme: { theme: string; realisedCents: number; verifiedCents: number }[];
}

const thisYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

/**
 * Results in the open, for anyone without signing in, at a stable address: /results/{slug}?year=YYYY.
 * A municipality that does not publish gets the not-found page, like one that does not exist.
 */
export default function PublicResultsPage() {
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const [choice, setChoice] = useState(String(year));
  useEffect(() => setChoice(String(year)), [year]);
  const resource = useResource<Results>(endpoints.publicResults(slug, year));
  const { t, tx, money, number } = useI18n();
  const count = (c: Count) => (typeof c === 'number' ? number(c) : c);

  function show(e: FormEvent) {
    e.preventDefault();
    setParams({ year: choice });
  }

  return (
    <ResourceView resource={resource} page>
      {(r) => (
        <>
          <PageTitle title={t('results.title', { tenant: r.tenant.name })}>
            {t('results.title', { tenant: r.tenant.name })}
          </PageTitle>
          <Paragraph lead>{t('results.lead')}</Paragraph>
          <form className="retour-form retour-inline-form" onSubmit={show}>
            <SelectField
              id="results-year"
              label={t('results.year')}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <Button type="submit">{t('results.show')}</Button>
          </form>
          <section aria-labelledby="results-summary">
            <Heading level={2} id="results-summary">
              {t('results.summary', { year: r.year })}
            </Heading>
            <DataList
              items={[
                { key: t('results.contracts'), value: number(r.contracts) },
                { key: t('results.obligation', { year: r.year }), value: money(r.obligationCents) },
                { key: t('results.realised'), value: money(r.realisedCents) },
                {
                  key: t('results.verified'),
                  value: <span data-testid="results-verified">{money(r.verifiedCents)}</span>,
                },
                {
                  key: t('results.people'),
                  value: <span data-testid="results-people">{count(r.people)}</span>,
                },
              ]}
            />
            <Paragraph small>{t('results.note')}</Paragraph>
          </section>
          <Table
            caption={t('results.byCategory', { year: r.year })}
            rows={r.byCategory}
            rowKey={(c) => c.category}
            columns={[
              {
                key: 'category',
                header: t('results.category'),
                rowHeader: true,
                cell: (c) => tx('category', c.category),
              },
              {
                key: 'realised',
                header: t('results.realised'),
                numeric: true,
                cell: (c) => money(c.realisedCents),
              },
              {
                key: 'verified',
                header: t('results.verified'),
                numeric: true,
                cell: (c) => money(c.verifiedCents),
              },
              { key: 'people', header: t('results.people'), numeric: true, cell: (c) => count(c.people) },
            ]}
          />
          <Table
            caption={t('results.byTheme', { year: r.year })}
            rows={r.byTheme}
            rowKey={(c) => c.theme}
            empty={t('results.noThemes')}
            columns={[
              {
                key: 'theme',
                header: t('results.theme'),
                rowHeader: true,
                cell: (c) => t(`market.theme.${c.theme}` as MessageKey),
              },
              {
                key: 'realised',
                header: t('results.realised'),
                numeric: true,
                cell: (c) => money(c.realisedCents),
              },
              {
                key: 'verified',
                header: t('results.verified'),
                numeric: true,
                cell: (c) => money(c.verifiedCents),
              },
            ]}
          />
          <section aria-labelledby="results-open-data">
            <Heading level={2} id="results-open-data">
              {t('results.openData')}
            </Heading>
            <Paragraph>{t('results.openDataText')}</Paragraph>
            <ul>
              <li>
                <a className="utrecht-link" href={`/api/v1${endpoints.openData(slug, 'csv')}`} download>
                  {t('results.csv')}
                </a>
              </li>
              <li>
                <a className="utrecht-link" href={`/api/v1${endpoints.openData(slug, 'ocds')}`} download>
                  {t('results.ocds')}
                </a>
              </li>
            </ul>
          </section>
        </>
      )}
    </ResourceView>
  );
}
