import { useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { type ContractSummary } from '../../lib/model.ts';
import { currentReports } from '../../lib/reports.ts';
import { useResource } from '../../lib/useResource.ts';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { Button, Link } from '../../ui/Button.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Explain, Heading, Paragraph } from '../../ui/text.tsx';
import { ProgressPanel, ReportStatusBadge } from './shared.tsx';

/** One-page evaluation summary of a contract for the contract manager's talk with the supplier (printable). */
export default function SummaryPage() {
  const { id = '' } = useParams();
  const { t, tx, lang, money, date, halfYear } = useI18n();
  const summary = useResource<ContractSummary>(endpoints.summary(id, lang));
  return (
    <ResourceView resource={summary}>
      {({ contract: c, progress, plan, reports, story }) => {
        const title = t('summary.pageTitle', { reference: c.reference });
        return (
          <article className="retour-summary retour-stack">
            <PageTitle title={title}>{title}</PageTitle>
            <Paragraph lead>{c.title}</Paragraph>
            <div className="retour-no-print retour-button-group">
              <Button onClick={() => window.print()}>{t('summary.print')}</Button>
              <Link to={`/contracts/${c.id}`}>{t('summary.toContract')}</Link>
            </div>
            <DownloadLinks
              path={`/contracts/${c.id}/summary`}
              formats={['pdf']}
              label={t('download.summary')}
            />
            <section aria-labelledby="summary-story" className="retour-card">
              <Heading level={2} id="summary-story">
                {t('summary.story')}
              </Heading>
              <Paragraph>{story[lang]}</Paragraph>
            </section>
            <DataList
              items={[
                { key: t('contracts.supplier'), value: c.supplierName },
                { key: t('contracts.value'), value: money(c.totalValueCents) },
                { key: t('contracts.term'), value: `${date(c.startDate)} – ${date(c.endDate)}` },
                { key: t('estimate.regime'), value: tx('regime', c.regime) },
                {
                  key: t('contract.obligation'),
                  value: (
                    <Explain summary={money(c.obligation.amountCents)}>
                      <Paragraph>{c.obligation.explanation}</Paragraph>
                    </Explain>
                  ),
                },
                ...(plan
                  ? [
                      {
                        key: t('plan.title'),
                        value: `${tx('planStatus', plan.status)} · ${money(plan.plannedCents)}`,
                      },
                    ]
                  : []),
              ]}
            />
            <section aria-labelledby="summary-progress">
              <Heading level={2} id="summary-progress">
                {t('contract.progress')}
              </Heading>
              <ProgressPanel progress={progress} />
            </section>
            <section aria-labelledby="summary-reports">
              <Heading level={2} id="summary-reports">
                {t('reports.title')}
              </Heading>
              <Table
                caption={t('reports.caption')}
                captionHidden
                rows={currentReports(reports)}
                rowKey={(x) => x.id}
                empty={t('reports.none')}
                columns={[
                  {
                    key: 'p',
                    header: t('activity.period'),
                    rowHeader: true,
                    cell: (x) => halfYear(x.period),
                  },
                  { key: 'd', header: t('reports.due'), cell: (x) => date(x.dueDate) },
                  {
                    key: 's',
                    header: t('reports.status'),
                    cell: (x) => <ReportStatusBadge status={x.status} />,
                  },
                ]}
              />
            </section>
            <Paragraph small>{t('summary.note')}</Paragraph>
          </article>
        );
      }}
    </ResourceView>
  );
}
