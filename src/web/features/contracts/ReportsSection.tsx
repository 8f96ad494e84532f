import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { type Contract, type List, type Report } from '../../lib/model.ts';
import { currentReports, nextReportOpening } from '../../lib/reports.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { ReportStatusBadge } from './shared.tsx';

/** The semi-annual reports of a contract, each opening its activities. */
export function ReportsSection({ contract }: { contract: Contract }) {
  const { t, date, dateTime, halfYear } = useI18n();
  const reports = useResource<List<Report>>(endpoints.reports(contract.id));
  return (
    <section aria-labelledby="contract-reports">
      <Heading level={2} id="contract-reports">
        {t('reports.title')}
      </Heading>
      <ResourceView resource={reports}>
        {(list) => {
          const next =
            contract.regime === 'none'
              ? undefined
              : nextReportOpening(list.items, contract.startDate, contract.endDate);
          return (
            <>
              <Table
                caption={t('reports.caption')}
                captionHidden
                rows={currentReports(list.items)}
                rowKey={(r) => r.id}
                empty={t('reports.none')}
                columns={[
                  {
                    key: 'p',
                    header: t('activity.period'),
                    rowHeader: true,
                    cell: (r) => (
                      <Link to={`/contracts/${contract.id}/reports/${r.id}`}>{halfYear(r.period)}</Link>
                    ),
                  },
                  {
                    key: 'v',
                    header: t('plan.version'),
                    // Earlier versions (replaced by a correction) are listed on the report page itself.
                    cell: (r) => String(r.version),
                  },
                  { key: 'd', header: t('reports.due'), cell: (r) => date(r.dueDate) },
                  {
                    key: 's',
                    header: t('reports.status'),
                    cell: (r) => <ReportStatusBadge status={r.status} />,
                  },
                  {
                    key: 'sub',
                    header: t('reports.submittedAt'),
                    cell: (r) => (r.submittedAt ? dateTime(r.submittedAt) : '—'),
                  },
                ]}
              />
              {next && (
                <Paragraph small>
                  {t('reports.opensOn', { period: halfYear(next.period), date: date(next.opensOn) })}
                </Paragraph>
              )}
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}
