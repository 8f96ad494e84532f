import { useParams } from 'react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Activity, ReportDetail } from '../../lib/model.ts';
import { useTypeNames } from '../../lib/activityTypes.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, Link } from '../../ui/Button.tsx';
import { ErrorAlert, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { ActivityForm } from '../supplier/ActivityForm.tsx';
import { EvidenceCell } from './EvidenceCell.tsx';
import { QuantityOf, ReportStatusBadge, ValuedAmount, VerificationBadge } from './shared.tsx';
import { VerifyForm } from './VerifyForm.tsx';
import type { ApiError } from '../../api.ts';

/**
 * One half-year report. Suppliers add activities with evidence and submit; advisors verify or reject
 * each activity with a reason. Everyone sees each value with its explanation.
 */
export default function ReportPage() {
  const { reportId = '' } = useParams();
  const { t, date, money, halfYear } = useI18n();
  const { me } = useSession();
  const resource = useResource<ReportDetail>(endpoints.report(reportId));
  const report = resource.data;
  const typeName = useTypeNames();
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const isSupplier = me?.role === 'supplier';
  const isAdvisor = me?.role === 'advisor' || me?.role === 'municipalityAdmin';
  const editable =
    isSupplier && report !== undefined && (report.status === 'open' || report.status === 'overdue');

  async function submitReport() {
    setSubmitError(null);
    setBusy(true);
    try {
      await api.post(endpoints.reportSubmission(reportId));
      setSubmitted(true);
      resource.reload();
    } catch (error) {
      setSubmitError(error as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ResourceView resource={resource}>
      {(report) => {
        const c = report.contract;
        const title = t('report.title', { period: halfYear(report.period) });
        return (
          <>
            <PageTitle title={title}>{title}</PageTitle>
            <Paragraph>
              <Link to={`/contracts/${c.id}`}>{`${c.reference} · ${c.title}`}</Link>
            </Paragraph>
            <DataList
              items={[
                { key: t('reports.status'), value: <ReportStatusBadge status={report.status} /> },
                { key: t('reports.due'), value: date(report.dueDate) },
                {
                  key: t('report.total'),
                  value: <span data-testid="report-total">{money(report.totalCents)}</span>,
                },
              ]}
            />
            <section aria-labelledby="report-activities">
              <Heading level={2} id="report-activities">
                {t('report.activities')}
              </Heading>
              <ActivitiesTable
                activities={report.activities}
                typeName={typeName}
                canUpload={editable}
                canVerify={isAdvisor && report.status === 'submitted'}
                onChange={resource.reload}
              />
            </section>
            {editable ? (
              <>
                <ActivityForm contractId={c.id} period={report.period} onAdded={resource.reload} />
                <section aria-labelledby="report-submit" className="retour-card">
                  <Heading level={2} id="report-submit">
                    {t('report.submitTitle')}
                  </Heading>
                  <Paragraph>{t('report.submitLead')}</Paragraph>
                  {submitError ? <ErrorAlert error={submitError} /> : null}
                  <Button variant="primary" onClick={() => void submitReport()} busy={busy} disabled={busy}>
                    {t('report.submit')}
                  </Button>
                </section>
              </>
            ) : null}
            {submitted ? <Alert type="ok">{t('report.submitted')}</Alert> : null}
          </>
        );
      }}
    </ResourceView>
  );
}

function ActivitiesTable({
  activities,
  typeName,
  canUpload,
  canVerify,
  onChange,
}: {
  activities: Activity[];
  typeName: (code: string) => string;
  canUpload: boolean;
  canVerify: boolean;
  onChange: () => void;
}) {
  const { t, tx } = useI18n();
  return (
    <Table
      caption={t('report.activities')}
      captionHidden
      rows={activities}
      rowKey={(a) => a.id}
      empty={t('report.noActivities')}
      columns={[
        { key: 'type', header: t('activity.type'), rowHeader: true, cell: (a) => typeName(a.typeCode) },
        {
          key: 'cat',
          header: t('estimate.exampleCategory'),
          cell: (a) => tx('category', a.category),
        },
        { key: 'qty', header: t('activity.quantity'), cell: (a) => <QuantityOf item={a} /> },
        { key: 'cand', header: t('activity.candidate'), cell: (a) => a.candidate?.code ?? '' },
        {
          key: 'val',
          header: t('activity.value'),
          numeric: true,
          cell: (a) => <ValuedAmount valuation={a.valuation} label={typeName(a.typeCode)} />,
        },
        {
          key: 'ev',
          header: t('evidence.title'),
          cell: (a) => <EvidenceCell activity={a} name={typeName(a.typeCode)} canUpload={canUpload} />,
        },
        {
          key: 'ver',
          header: t('activity.verification'),
          cell: (a) => (
            <>
              <VerificationBadge status={a.verification} />
              {a.verificationReason ? <Paragraph small>{a.verificationReason}</Paragraph> : null}
              {canVerify && a.verification === 'pending' ? (
                <VerifyForm activity={a} name={typeName(a.typeCode)} onDone={onChange} />
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
