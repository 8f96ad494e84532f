import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { List, Report, ReportDetail } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';
import { ReportStatusBadge } from './shared.tsx';

/**
 * Every version of this half-year's report (a correction makes a new one; the closed one stays as it
 * was), newest first, so the history of what was reported and decided can be read back.
 */
export function ReportHistory({ report }: { report: ReportDetail }) {
  const { t, dateTime } = useI18n();
  const contractId = report.contract.id;
  const list = useResource<List<Report>>(endpoints.reports(contractId));
  const versions = (list.data?.items ?? [])
    .filter((r) => r.period === report.period)
    .sort((a, b) => b.version - a.version);
  const current = versions.find((r) => r.current);
  if (versions.length < 2) return null;
  const link = (r: Report) => `/contracts/${contractId}/reports/${r.id}`;
  return (
    <section aria-labelledby="report-history">
      <Heading level={2} id="report-history">
        {t('report.history')}
      </Heading>
      {!report.current && current ? (
        <Alert type="info">
          <Paragraph>
            {t('report.olderVersion', { version: report.version })}{' '}
            <Link to={link(current)}>{t('report.toCurrent', { version: current.version })}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      <Table
        caption={t('report.history')}
        captionHidden
        rows={versions}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'v',
            header: t('plan.version'),
            rowHeader: true,
            cell: (r) =>
              r.id === report.id ? (
                <span aria-current="page">{t('report.thisVersion', { version: r.version })}</span>
              ) : (
                <Link to={link(r)}>{t('report.versionN', { version: r.version })}</Link>
              ),
          },
          { key: 's', header: t('reports.status'), cell: (r) => <ReportStatusBadge status={r.status} /> },
          {
            key: 'sub',
            header: t('reports.submittedAt'),
            cell: (r) => (r.submittedAt ? dateTime(r.submittedAt) : '—'),
          },
          {
            key: 'cl',
            header: t('report.closedAt'),
            cell: (r) => (r.closedAt ? dateTime(r.closedAt) : '—'),
          },
        ]}
      />
    </section>
  );
}
