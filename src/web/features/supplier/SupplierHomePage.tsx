import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import {
  type ContractListItem,
  type List,
  type Plan,
  type PlanStatus,
  type Report,
} from '../../lib/model.ts';
import { currentReports } from '../../lib/reports.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { Loading, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { EligibilitySection } from '../tender/ReservationSection.tsx';
import { ProgressStatusBadge, ReportStatusBadge } from '../contracts/shared.tsx';
import { currentMembership, useSession } from '../session/session.tsx';
import { WorkQueue } from '../work/WorkQueue.tsx';

/** A supplier's start page: its contracts, and what is due when over all of them. */
export default function SupplierHomePage() {
  const { t, tx, money, date } = useI18n();
  const { me } = useSession();
  const supplierName = me ? currentMembership(me)?.supplierName : null;
  const supplierId = me ? currentMembership(me)?.supplierId : null;
  const contracts = useResource<List<ContractListItem>>(endpoints.contracts({ limit: '500' }));
  return (
    <>
      <PageTitle title={t('nav.myContracts')}>{t('nav.myContracts')}</PageTitle>
      {supplierName ? <Paragraph lead>{supplierName}</Paragraph> : null}
      {supplierId ? <EligibilitySection supplierId={supplierId} /> : null}
      <WorkQueue hide={['due']} />
      <ResourceView resource={contracts}>
        {({ items: list }) => {
          return (
            <>
              <DueSection contracts={list} />
              <Heading level={2} id="supplier-contracts">
                {t('supplier.contractsTitle')}
              </Heading>
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
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

interface DueRow {
  key: string;
  contract: ContractListItem;
  /** A report that needs work, or the plan (no due date: it is needed before reporting counts). */
  report: Report | null;
  planStatus: PlanStatus | null;
}

/** What still needs the supplier's work, over all its contracts: overdue and open reports, unfinished plans. */
function useDue(contracts: ContractListItem[]): DueRow[] | null {
  const [rows, setRows] = useState<DueRow[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(
      contracts.map(async (c): Promise<DueRow[]> => {
        const [reports, plan] = await Promise.all([
          api.get<List<Report>>(endpoints.reports(c.id)),
          c.regime === 'plan' ? api.get<Plan>(endpoints.plan(c.id)) : Promise.resolve(null),
        ]);
        const due = currentReports(reports.items)
          .filter((r) => r.status === 'open' || r.status === 'overdue')
          .map((r) => ({ key: r.id, contract: c, report: r, planStatus: null }));
        const planDue =
          plan && ['none', 'draft', 'returned'].includes(plan.status)
            ? [{ key: `plan-${c.id}`, contract: c, report: null, planStatus: plan.status }]
            : [];
        return [...planDue, ...due];
      }),
    )
      .then((all) => {
        // Plans first (they come before everything else), then reports by due date, overdue first.
        const order = (r: DueRow) => (r.report ? r.report.dueDate : '');
        if (live) setRows(all.flat().sort((a, b) => order(a).localeCompare(order(b))));
      })
      .catch(() => {
        if (live) setRows([]);
      });
    return () => {
      live = false;
    };
  }, [contracts]);
  return rows;
}

function DueSection({ contracts }: { contracts: ContractListItem[] }) {
  const { t, tx, date, halfYear } = useI18n();
  const rows = useDue(contracts);
  return (
    <section aria-labelledby="supplier-due">
      <Heading level={2} id="supplier-due">
        {t('supplier.due')}
      </Heading>
      <Paragraph>{t('supplier.dueLead')}</Paragraph>
      {rows === null ? (
        <Loading />
      ) : (
        <Table
          caption={t('supplier.due')}
          captionHidden
          rows={rows}
          rowKey={(r) => r.key}
          empty={t('supplier.nothingDue')}
          columns={[
            {
              key: 'what',
              header: t('supplier.dueWhat'),
              rowHeader: true,
              cell: (r) =>
                r.report ? (
                  <Link to={`/contracts/${r.contract.id}/reports/${r.report.id}`}>
                    {t('supplier.dueReport', {
                      period: halfYear(r.report.period),
                      reference: r.contract.reference,
                    })}
                  </Link>
                ) : (
                  <Link to={`/contracts/${r.contract.id}/plan`}>
                    {t('supplier.duePlan', { reference: r.contract.reference })}
                  </Link>
                ),
            },
            {
              key: 'when',
              header: t('supplier.dueWhen'),
              cell: (r) => (r.report ? date(r.report.dueDate) : t('supplier.duePlanWhen')),
            },
            {
              key: 'status',
              header: t('reports.status'),
              cell: (r) =>
                r.report ? (
                  <ReportStatusBadge status={r.report.status} />
                ) : (
                  tx('planStatus', r.planStatus ?? 'none')
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
