import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { SupplierListItem } from '../../lib/model.ts';
import type { Page } from '../../lib/useAllPages.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, ButtonGroup, ButtonLink, Link } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Paragraph } from '../../ui/text.tsx';

const sorts = ['name', '-name', 'kvkNumber', '-kvkNumber', 'createdAt', '-createdAt'] as const;
const pageSize = 25;

/**
 * The municipality's suppliers: search, sort and paging happen in the database (GET /suppliers), so
 * the list stays quick at a city's size. Search and sort are kept in the address.
 */
export default function SuppliersPage() {
  const { t, date, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = sorts.find((s) => s === params.get('sort')) ?? 'name';
  const [search, setSearch] = useState(q);
  // The cursors of the pages before this one, to go back; a new search or sort starts again.
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  useEffect(() => {
    setTrail([]);
    setCursor(undefined);
  }, [q, sort]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (search.trim() === q) return;
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (search.trim()) next.set('q', search.trim());
        else next.delete('q');
        return next;
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, q, setParams]);
  const list = useResource<Page<SupplierListItem>>(
    `${endpoints.suppliers}${query({ q, sort, limit: pageSize, cursor })}`,
  );
  const sortLabel = (s: (typeof sorts)[number]) =>
    `${t(`suppliers.sort.${s.replace('-', '')}` as 'suppliers.sort.name')} ${s.startsWith('-') ? t('suppliers.sort.desc') : t('suppliers.sort.asc')}`;
  return (
    <>
      <PageTitle title={t('suppliers.title')}>{t('suppliers.title')}</PageTitle>
      <ButtonGroup>
        <ButtonLink to="/suppliers/new" variant="primary">
          {t('advisor.newSupplier')}
        </ButtonLink>
      </ButtonGroup>
      <search className="retour-toolbar" aria-label={t('suppliers.filters')}>
        <TextField
          type="search"
          label={t('common.search')}
          description={t('suppliers.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <SelectField
          label={t('suppliers.sortBy')}
          value={sort}
          onChange={(e) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.set('sort', e.target.value);
              return next;
            })
          }
          options={sorts.map((s) => ({ value: s, label: sortLabel(s) }))}
        />
      </search>
      <ResourceView resource={list}>
        {(page) => (
          <>
            <Table
              caption={t('suppliers.title')}
              captionHidden
              rows={page.items}
              rowKey={(s) => s.id}
              empty={t('suppliers.none')}
              columns={[
                {
                  key: 'name',
                  header: t('advisor.supplierName'),
                  rowHeader: true,
                  cell: (s) => <Link to={`/suppliers/${s.id}`}>{s.name}</Link>,
                },
                { key: 'kvk', header: t('advisor.kvkNumber'), cell: (s) => s.kvkNumber },
                {
                  key: 'contracts',
                  header: t('suppliers.contractCount'),
                  numeric: true,
                  cell: (s) => number(s.contractCount),
                },
                {
                  key: 'created',
                  header: t('suppliers.createdAt'),
                  cell: (s) => date(s.createdAt.slice(0, 10)),
                },
              ]}
            />
            <nav aria-label={t('suppliers.pages')} className="retour-toolbar">
              <Paragraph small>{t('suppliers.pageNumber', { n: trail.length + 1 })}</Paragraph>
              <Button
                disabled={trail.length === 0}
                onClick={() => {
                  setCursor(trail[trail.length - 1]);
                  setTrail((tr) => tr.slice(0, -1));
                }}
              >
                {t('suppliers.previous')}
              </Button>
              <Button
                disabled={!page.nextCursor}
                onClick={() => {
                  setTrail((tr) => [...tr, cursor]);
                  setCursor(page.nextCursor);
                }}
              >
                {t('suppliers.next')}
              </Button>
            </nav>
          </>
        )}
      </ResourceView>
    </>
  );
}
