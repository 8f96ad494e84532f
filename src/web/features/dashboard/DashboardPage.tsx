import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Category, ProgressStatus } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { TextField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { WorkQueue } from '../work/WorkQueue.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Explain, Heading, Paragraph } from '../../ui/text.tsx';
import { ProgressPanel, ProgressStatusBadge } from '../contracts/shared.tsx';
import { BarChartBox, type Series } from './BarChartBox.tsx';

type Amounts = {
  obligationCents?: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
};
type Row = Amounts & { key: string; label: string };
type Totals = Amounts & {
  obligationCents: number;
  expectedCents: number;
  forecastCents: number;
  contracts: number;
  byStatus?: Record<ProgressStatus, number>;
};
interface ContractRow {
  id: string;
  reference: string;
  title: string;
  supplierName: string;
  obligationCents: number;
  obligationExplanation?: string;
  expectedCents: number;
  realisedCents: number;
  verifiedCents: number;
  status: ProgressStatus;
}
/** GET /dashboard: contracts come behind schedule first. */
interface Dashboard {
  asOf: string;
  totals: Totals;
  byCategory: ({ category: Category } & Amounts)[];
  bySupplier: ({ supplierId: string; supplierName: string } & Amounts)[];
  byHalfYear: ({ period: string } & Amounts)[];
  contracts: ContractRow[];
}

/** Portfolio dashboard of a municipality: obligation vs realised vs verified, with charts and tables. */
export default function DashboardPage() {
  const { t, tx, money, halfYear } = useI18n();
  const [asOf, setAsOf] = useState('');
  const resource = useResource<Dashboard>(endpoints.dashboard(asOf || undefined));
  const series: Series[] = [
    { key: 'plannedCents', label: t('progress.planned'), className: 'retour-bar--planned' },
    { key: 'realisedCents', label: t('progress.realised'), className: 'retour-bar--realised' },
    { key: 'verifiedCents', label: t('progress.verified'), className: 'retour-bar--verified' },
  ];
  const amountColumns = (withObligation: boolean) => [
    ...(withObligation
      ? [
          {
            key: 'o',
            header: t('progress.obligation'),
            numeric: true,
            cell: (r: Row) => money(r.obligationCents ?? 0),
          },
        ]
      : []),
    { key: 'p', header: t('progress.planned'), numeric: true, cell: (r: Row) => money(r.plannedCents) },
    { key: 'r', header: t('progress.realised'), numeric: true, cell: (r: Row) => money(r.realisedCents) },
    { key: 'v', header: t('progress.verified'), numeric: true, cell: (r: Row) => money(r.verifiedCents) },
  ];

  return (
    <>
      <PageTitle title={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
      <WorkQueue />
      <div className="retour-toolbar">
        <TextField
          type="date"
          label={t('dashboard.asOf')}
          description={t('dashboard.asOfHint')}
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
        />
      </div>
      <DownloadLinks
        path="/dashboard"
        formats={['pdf', 'xlsx', 'csv']}
        params={{ asOf: asOf || undefined }}
        label={t('download.report')}
      />
      <ResourceView resource={resource}>
        {(d) => {
          const categories = d.byCategory.map((r) => ({
            ...r,
            key: r.category,
            label: tx('category', r.category),
          }));
          const periods = d.byHalfYear.map((r) => ({ ...r, key: r.period, label: halfYear(r.period) }));
          const suppliers = d.bySupplier.map((r) => ({ ...r, key: r.supplierId, label: r.supplierName }));
          return (
            <>
              <section aria-labelledby="dash-total" className="retour-card">
                <Heading level={2} id="dash-total">
                  {t('dashboard.total')}
                </Heading>
                <p className="retour-figure" data-testid="dashboard-verified">
                  {t('dashboard.verifiedOf', {
                    verified: money(d.totals.verifiedCents),
                    obligation: money(d.totals.obligationCents),
                  })}
                </p>
                <ProgressPanel progress={d.totals} />
                <Explain summary={t('dashboard.totalsExplain')}>
                  <Paragraph small>{t('dashboard.totalsExplainText', { n: d.totals.contracts })}</Paragraph>
                </Explain>
                <Heading level={3}>{t('dashboard.byStatus')}</Heading>
                <DataList
                  items={[
                    { key: t('dashboard.contractCount'), value: String(d.totals.contracts) },
                    ...(['behind', 'onTrack', 'met', 'notMet'] as const).map((s) => ({
                      key: tx('progressStatus', s),
                      value: String(d.totals.byStatus?.[s] ?? 0),
                    })),
                  ]}
                />
              </section>

              <section aria-labelledby="dash-behind">
                <Heading level={2} id="dash-behind">
                  {t('dashboard.contracts')}
                </Heading>
                <Paragraph>
                  {t('dashboard.contractsLead', { n: d.contracts.length, total: d.totals.contracts })}{' '}
                  <Link to="/contracts?sort=status">{t('dashboard.allContracts')}</Link>
                </Paragraph>
                <Table
                  caption={t('dashboard.contracts')}
                  captionHidden
                  rows={d.contracts}
                  rowKey={(c) => c.id}
                  empty={t('contracts.none')}
                  columns={[
                    {
                      key: 'ref',
                      header: t('contracts.contract'),
                      rowHeader: true,
                      cell: (c) => <Link to={`/contracts/${c.id}`}>{`${c.reference} · ${c.title}`}</Link>,
                    },
                    { key: 'sup', header: t('contracts.supplier'), cell: (c) => c.supplierName },
                    {
                      key: 'st',
                      header: t('progress.status'),
                      cell: (c) => <ProgressStatusBadge status={c.status} />,
                    },
                    {
                      key: 'ob',
                      header: t('progress.obligation'),
                      numeric: true,
                      cell: (c) =>
                        c.obligationExplanation ? (
                          <Explain summary={money(c.obligationCents)}>
                            <Paragraph small>{c.obligationExplanation}</Paragraph>
                          </Explain>
                        ) : (
                          money(c.obligationCents)
                        ),
                    },
                    {
                      key: 'ex',
                      header: t('progress.expected'),
                      numeric: true,
                      cell: (c) => money(c.expectedCents),
                    },
                    {
                      key: 're',
                      header: t('progress.realised'),
                      numeric: true,
                      cell: (c) => money(c.realisedCents),
                    },
                    {
                      key: 've',
                      header: t('progress.verified'),
                      numeric: true,
                      cell: (c) => money(c.verifiedCents),
                    },
                  ]}
                />
              </section>

              <ChartSection
                id="dash-category"
                title={t('dashboard.byCategory')}
                rows={categories}
                series={series}
                columns={amountColumns(false)}
              />
              <ChartSection
                id="dash-period"
                title={t('dashboard.byHalfYear')}
                rows={periods}
                series={series}
                columns={amountColumns(false)}
              />
              <ChartSection
                id="dash-supplier"
                title={t('dashboard.bySupplier')}
                rows={suppliers}
                series={series}
                columns={amountColumns(true)}
              />
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

function ChartSection({
  id,
  title,
  rows,
  series,
  columns,
}: {
  id: string;
  title: string;
  rows: Row[];
  series: Series[];
  columns: { key: string; header: string; numeric: boolean; cell: (r: Row) => string }[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {rows.length > 0 ? <BarChartBox rows={rows} categoryKey="label" series={series} /> : null}
      <Table
        caption={t('dashboard.tableOf', { title })}
        rows={rows}
        rowKey={(r) => r.key}
        empty={t('common.none')}
        columns={[
          { key: 'label', header: t('dashboard.group'), rowHeader: true, cell: (r) => r.label },
          ...columns,
        ]}
      />
    </section>
  );
}
