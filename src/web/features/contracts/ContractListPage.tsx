import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ContractListItem, ContractPage, Supplier } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { useAllPages } from '../../lib/useAllPages.ts';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { Button, ButtonGroup, ButtonLink, Link } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { WorkQueue } from '../work/WorkQueue.tsx';
import { Table } from '../../ui/Table.tsx';
import { Explain, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { ProgressStatusBadge } from './shared.tsx';

const PAGE_SIZE = 50;

/**
 * Contracts with search, filters, sorting and paging, all done by the API (a city has thousands);
 * filters, sort and page live in the URL so a list can be shared and the browser's back button
 * returns to the page before.
 */
export default function ContractListPage() {
  const { t, tx, money, date } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const regime = params.get('regime') ?? '';
  const status = params.get('status') ?? '';
  const supplierId = params.get('supplierId') ?? '';
  const sort = params.get('sort') ?? 'reference';
  const cursor = params.get('cursor') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Math.min(500, Math.max(1, Number(params.get('limit') ?? PAGE_SIZE) || PAGE_SIZE));
  const manager = me?.role === 'contractManager';
  const advisor = me?.role === 'advisor';
  // An independent verifier sees only the contracts assigned to them, and no list of suppliers.
  const verifier = me?.role === 'verifier';
  // The search box keeps what is typed; the URL (and so the API call) follows 300 ms after typing stops.
  const [search, setSearch] = useState(q);
  const suppliers = useAllPages<Supplier>(manager || verifier ? null : endpoints.suppliers);
  const resource = useResource<ContractPage>(
    endpoints.contracts({
      q: q || undefined,
      regime: regime || undefined,
      status: status || undefined,
      supplierId: supplierId || undefined,
      sort,
      limit: String(pageSize),
      cursor: cursor || undefined,
    }),
  );
  /** A filter or sort change starts at the first page again. */
  const set = (key: string, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('cursor');
        next.delete('page');
        return next;
      },
      { replace: key === 'q' },
    );
  };
  const nextPage = (nextCursor: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('cursor', nextCursor);
      next.set('page', String(page + 1));
      return next;
    });
  /** A sortable column header: a button that sorts ascending, then descending. */
  const sortable = (field: string, label: ReactNode) => {
    const state: 'ascending' | 'descending' | 'none' =
      sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
    return {
      sort: state,
      header: (
        <button
          type="button"
          className="retour-sort-button"
          onClick={() => set('sort', state === 'ascending' ? `-${field}` : field)}
        >
          {label}
          <span aria-hidden="true">
            {state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ' ⇅'}
          </span>
        </button>
      ),
    };
  };
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => set('q', search), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const title = manager || verifier ? t('nav.myContracts') : t('nav.contracts');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <WorkQueue roles={['contractManager', 'verifier']} />
      {manager ? <Paragraph>{t('contracts.managerLead')}</Paragraph> : null}
      {verifier ? <Paragraph>{t('verifiers.lead')}</Paragraph> : null}
      {advisor ? (
        <ButtonGroup>
          <ButtonLink to="/contracts/new" variant="primary">
            {t('advisor.newContract')}
          </ButtonLink>
          <ButtonLink to="/suppliers/new">{t('advisor.newSupplier')}</ButtonLink>
          <ButtonLink to="/contracts/import">{t('import.open')}</ButtonLink>
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
        {manager || verifier ? null : (
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
        {resource.data && !resource.loading ? t('contracts.count', { n: resource.data.total }) : ''}
      </p>
      <ResourceView resource={resource}>
        {({ items: rows, total, nextCursor }) => {
          const first = (page - 1) * pageSize + 1;
          const range =
            total === 0 ? '' : t('contracts.range', { from: first, to: first + rows.length - 1, total });
          return (
            <>
              <Table
                caption={`${t('contracts.count', { n: total })}${range ? ` · ${range}` : ''}`}
                rows={rows}
                rowKey={(c) => c.id}
                empty={t('contracts.none')}
                columns={[
                  {
                    key: 'ref',
                    ...sortable('reference', t('contracts.contract')),
                    rowHeader: true,
                    cell: (c) => <Link to={`/contracts/${c.id}`}>{`${c.reference} · ${c.title}`}</Link>,
                  },
                  {
                    key: 'sup',
                    ...sortable('supplierName', t('contracts.supplier')),
                    cell: (c) => c.supplierName,
                  },
                  {
                    key: 'term',
                    ...sortable('startDate', t('contracts.term')),
                    cell: (c) => `${date(c.startDate)} – ${date(c.endDate)}`,
                  },
                  {
                    key: 'reg',
                    ...sortable('regime', t('estimate.regime')),
                    cell: (c) => tx('regime', c.regime),
                  },
                  {
                    key: 'ob',
                    ...sortable('obligationCents', t('progress.obligation')),
                    numeric: true,
                    cell: (c) => (
                      <Explain summary={money(c.obligationCents)}>
                        <Paragraph small>{c.obligation.explanation}</Paragraph>
                      </Explain>
                    ),
                  },
                  {
                    key: 'real',
                    ...sortable('realisedCents', t('progress.realised')),
                    numeric: true,
                    cell: (c) => money(c.progress.realisedCents),
                  },
                  {
                    key: 'st',
                    ...sortable('status', t('progress.status')),
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
              {page > 1 || nextCursor ? (
                <nav aria-label={t('contracts.pages')}>
                  <ButtonGroup>
                    {page > 1 ? (
                      <Button onClick={() => void navigate(-1)}>{t('contracts.previousPage')}</Button>
                    ) : null}
                    {nextCursor ? (
                      <Button variant="primary" onClick={() => nextPage(nextCursor)}>
                        {t('contracts.nextPage')}
                      </Button>
                    ) : null}
                  </ButtonGroup>
                </nav>
              ) : null}
            </>
          );
        }}
      </ResourceView>
    </>
  );
}
