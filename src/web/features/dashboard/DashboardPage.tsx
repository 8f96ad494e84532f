import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { items, toProgress, type Progress, type ProgressStatus } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { TextField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { ProgressPanel, ProgressStatusBadge } from '../contracts/shared.tsx';
import { BarChartBox, type Series } from './BarChartBox.tsx';

interface Amounts {
  obligationCents: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
  [k: string]: unknown;
}
interface Row extends Amounts {
  key: string;
  label: string;
}
interface ContractRow extends Progress {
  id: string;
  reference: string;
  title: string;
  supplierName: string;
}
interface Dashboard {
  totals: Progress;
  byCategory: Row[];
  bySupplier: Row[];
  byHalfYear: Row[];
  contracts: ContractRow[];
}

type Raw = Record<string, unknown>;
const amounts = (r: Raw): Amounts => ({
  obligationCents: Number(r.obligationCents ?? 0),
  plannedCents: Number(r.plannedCents ?? 0),
  realisedCents: Number(r.realisedCents ?? 0),
  verifiedCents: Number(r.verifiedCents ?? 0),
});

const statusOrder: Record<ProgressStatus, number> = { behind: 0, notMet: 1, onTrack: 2, met: 3 };

function toDashboard(raw: unknown): Dashboard {
  const r = (raw ?? {}) as Raw;
  const list = (v: unknown, key: (x: Raw) => string) =>
    items(v, (x) => {
      const row = (x ?? {}) as Raw;
      return { key: key(row), label: key(row), ...amounts(row) };
    });
  const contracts = items(r.contracts, (x) => {
    const c = (x ?? {}) as Raw;
    const supplier = (c.supplier ?? {}) as Raw;
    return {
      ...toProgress(c.progress ?? c),
      id: String(c.id ?? c.contractId ?? ''),
      reference: String(c.reference ?? ''),
      title: String(c.title ?? ''),
      supplierName: String(c.supplierName ?? supplier.name ?? ''),
    };
  });
  // Behind schedule first, then by how far behind the expected pace.
  contracts.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      b.expectedCents - b.realisedCents - (a.expectedCents - a.realisedCents),
  );
  return {
    totals: toProgress(r.totals ?? r),
    byCategory: list(r.byCategory, (x) => String(x.category ?? '')),
    bySupplier: list(r.bySupplier, (x) =>
      String(x.supplierName ?? (x.supplier as Raw | undefined)?.name ?? x.name ?? ''),
    ),
    byHalfYear: list(r.byHalfYear ?? r.byPeriod, (x) => String(x.period ?? x.halfYear ?? '')),
    contracts,
  };
}

/** Portfolio dashboard of a municipality: obligation vs realised vs verified, with charts and tables. */
export default function DashboardPage() {
  const { t, tx, money, halfYear } = useI18n();
  const [asOf, setAsOf] = useState('');
  const resource = useResource<unknown>(endpoints.dashboard(asOf || undefined));
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
            cell: (r: Row) => money(r.obligationCents),
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
      <div className="retour-toolbar">
        <TextField
          type="date"
          label={t('dashboard.asOf')}
          description={t('dashboard.asOfHint')}
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
        />
      </div>
      <ResourceView resource={resource}>
        {(raw) => {
          const d = toDashboard(raw);
          const categories = d.byCategory.map((r) => ({ ...r, label: tx('category', r.key) }));
          const periods = d.byHalfYear.map((r) => ({ ...r, label: halfYear(r.key) }));
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
              </section>

              <section aria-labelledby="dash-behind">
                <Heading level={2} id="dash-behind">
                  {t('dashboard.contracts')}
                </Heading>
                <Paragraph>{t('dashboard.contractsLead')}</Paragraph>
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
                      cell: (c) => money(c.obligationCents),
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
                rows={d.bySupplier}
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
