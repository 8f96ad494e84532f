import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ContractListItem, List, Supplier } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { ButtonGroup, ButtonLink, Link } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Explain, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { ProgressStatusBadge } from './shared.tsx';

/** Contracts with search and filters (applied by the API); the filters live in the URL so a filtered list can be shared. */
export default function ContractListPage() {
  const { t, tx, money, date } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const regime = params.get('regime') ?? '';
  const status = params.get('status') ?? '';
  const supplierId = params.get('supplierId') ?? '';
  const manager = me?.role === 'contractManager';
  const advisor = me?.role === 'advisor';
  // The search box keeps what is typed; the URL (and so the API call) follows 300 ms after typing stops.
  const [search, setSearch] = useState(q);
  const suppliers = useResource<List<Supplier>>(manager ? null : endpoints.suppliers);
  const resource = useResource<List<ContractListItem>>(
    endpoints.contracts({
      q: q || undefined,
      regime: regime || undefined,
      status: status || undefined,
      supplierId: supplierId || undefined,
    }),
  );
  const set = (key: string, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => set('q', search), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const title = manager ? t('nav.myContracts') : t('nav.contracts');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {manager ? <Paragraph>{t('contracts.managerLead')}</Paragraph> : null}
      {advisor ? (
        <ButtonGroup>
          <ButtonLink to="/contracts/new" variant="primary">
            {t('advisor.newContract')}
          </ButtonLink>
          <ButtonLink to="/suppliers/new">{t('advisor.newSupplier')}</ButtonLink>
        </ButtonGroup>
      ) : null}
      <search className="retour-toolbar" aria-label={t('contracts.filters')}>
        <TextField
          type="search"
          label={t('common.search')}
          description={t('contracts.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {manager ? null : (
          <SelectField
            label={t('contracts.supplier')}
            value={supplierId}
            onChange={(e) => set('supplierId', e.target.value)}
            options={[
              { value: '', label: t('common.all') },
              ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        <SelectField
          label={t('estimate.regime')}
          value={regime}
          onChange={(e) => set('regime', e.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...(['plan', 'trust', 'none'] as const).map((r) => ({ value: r, label: tx('regime', r) })),
          ]}
        />
        <SelectField
          label={t('progress.status')}
          value={status}
          onChange={(e) => set('status', e.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...(['behind', 'onTrack', 'met', 'notMet'] as const).map((s) => ({
              value: s,
              label: tx('progressStatus', s),
            })),
          ]}
        />
      </search>
      <DownloadLinks
        path="/contracts"
        formats={['xlsx', 'csv']}
        params={{
          q: q || undefined,
          regime: regime || undefined,
          status: status || undefined,
          supplierId: supplierId || undefined,
        }}
      />
      <p className="retour-visually-hidden" aria-live="polite" aria-atomic="true">
        {resource.data && !resource.loading ? t('contracts.count', { n: resource.data.items.length }) : ''}
      </p>
      <ResourceView resource={resource}>
        {({ items: rows }) => {
          return (
            <Table
              caption={t('contracts.count', { n: rows.length })}
              rows={rows}
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
                  key: 'term',
                  header: t('contracts.term'),
                  cell: (c) => `${date(c.startDate)} – ${date(c.endDate)}`,
                },
                { key: 'reg', header: t('estimate.regime'), cell: (c) => tx('regime', c.regime) },
                {
                  key: 'ob',
                  header: t('progress.obligation'),
                  numeric: true,
                  cell: (c) => (
                    <Explain summary={money(c.obligationCents)}>
                      <Paragraph small>{c.obligation.explanation}</Paragraph>
                    </Explain>
                  ),
                },
                {
                  key: 'st',
                  header: t('progress.status'),
                  cell: (c) => <ProgressStatusBadge status={c.progress.status} />,
                },
                ...(manager
                  ? [
                      {
                        key: 'sum',
                        header: t('summary.title'),
                        cell: (c: ContractListItem) => (
                          <Link to={`/contracts/${c.id}/summary`}>{t('summary.open')}</Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          );
        }}
      </ResourceView>
    </>
  );
}
