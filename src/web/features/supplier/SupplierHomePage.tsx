import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { currentReports, type ContractListItem, type List, type Report } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { ProgressStatusBadge, ReportStatusBadge } from '../contracts/shared.tsx';
import { currentMembership, useSession } from '../session/session.tsx';

/** A supplier's start page: its contracts, and per contract the next report that is due. */
export default function SupplierHomePage() {
  const { t, tx, money, date } = useI18n();
  const { me } = useSession();
  const supplierName = me ? currentMembership(me)?.supplierName : null;
  const contracts = useResource<List<ContractListItem>>(endpoints.contracts());
  return (
    <>
      <PageTitle title={t('nav.myContracts')}>{t('nav.myContracts')}</PageTitle>
      {supplierName ? <Paragraph lead>{supplierName}</Paragraph> : null}
      <ResourceView resource={contracts}>
        {({ items: list }) => {
          return (
            <>
              <Table
                caption={t('supplier.contracts')}
                captionHidden
                rows={list}
                rowKey={(c) => c.id}
                empty={t('contracts.none')}
                columns={[
                  {
                    key: 'ref',
                    header: t('contracts.contract'),
                    rowHeader: true,
                    cell: (c) => <Link to={`/contracts/${c.id}`}>{`${c.reference} · ${c.title}`}</Link>,
                  },
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
                    cell: (c) => money(c.obligationCents),
                  },
                  {
                    key: 'st',
                    header: t('progress.status'),
                    cell: (c) => <ProgressStatusBadge status={c.progress.status} />,
                  },
                ]}
              />
              <section aria-labelledby="supplier-due">
                <Heading level={2} id="supplier-due">
                  {t('supplier.due')}
                </Heading>
                <Paragraph>{t('supplier.dueLead')}</Paragraph>
                <ul className="utrecht-unordered-list retour-due-list">
                  {list.map((c) => (
                    <DueItem key={c.id} contract={c} />
                  ))}
                </ul>
              </section>
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

/** The reports of one contract that still need work (open or overdue), earliest first. */
function DueItem({ contract }: { contract: ContractListItem }) {
  const { t, date, halfYear } = useI18n();
  const reports = useResource<List<Report>>(endpoints.reports(contract.id));
  const due = currentReports(reports.data?.items ?? [])
    .filter((r) => r.status === 'open' || r.status === 'overdue')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  if (due.length === 0) return null;
  return (
    <>
      {due.map((r) => (
        <li key={r.id} className="utrecht-unordered-list__item">
          <Link to={`/contracts/${contract.id}/reports/${r.id}`}>
            {t('supplier.dueItem', {
              period: halfYear(r.period),
              reference: contract.reference,
              date: date(r.dueDate),
            })}
          </Link>{' '}
          <ReportStatusBadge status={r.status} />
        </li>
      ))}
    </>
  );
}
