import { useParams } from 'react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { items, toActivity, toContract, toReport, type Activity } from '../../lib/model.ts';
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
  const { id = '', reportId = '' } = useParams();
  const { t, date, halfYear } = useI18n();
  const { me } = useSession();
  const contract = useResource<unknown>(endpoints.contract(id));
  const reports = useResource<unknown>(endpoints.reports(id));
  const report = items(reports.data, toReport).find((r) => r.id === reportId);
  const activities = useResource<unknown>(report ? endpoints.activities(id, report.period) : null);
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
      reports.reload();
    } catch (error) {
      setSubmitError(error as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ResourceView resource={reports}>
      {() => {
        if (!report) return <ErrorAlert error={{ status: 404, title: t('common.notFound') } as ApiError} />;
        const c = contract.data ? toContract(contract.data) : null;
        const title = t('report.title', { period: halfYear(report.period) });
        return (
          <>
            <PageTitle title={title}>{title}</PageTitle>
            <Paragraph>
              <Link to={`/contracts/${id}`}>{c ? `${c.reference} · ${c.title}` : t('common.back')}</Link>
            </Paragraph>
            <DataList
              items={[
                { key: t('reports.status'), value: <ReportStatusBadge status={report.status} /> },
                { key: t('reports.due'), value: date(report.dueDate) },
              ]}
            />
            <section aria-labelledby="report-activities">
              <Heading level={2} id="report-activities">
                {t('report.activities')}
              </Heading>
              <ResourceView resource={activities}>
                {(raw) => (
                  <ActivitiesTable
                    activities={items(raw, toActivity)}
                    canUpload={editable}
                    canVerify={isAdvisor && report.status === 'submitted'}
                    onChange={() => {
                      activities.reload();
                      reports.reload();
                    }}
                  />
                )}
              </ResourceView>
            </section>
            {editable ? (
              <>
                <ActivityForm contractId={id} period={report.period} onAdded={activities.reload} />
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
  canUpload,
  canVerify,
  onChange,
}: {
  activities: Activity[];
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
        { key: 'type', header: t('activity.type'), rowHeader: true, cell: (a) => a.typeName ?? a.typeCode },
        {
          key: 'cat',
          header: t('estimate.exampleCategory'),
          cell: (a) => (a.category ? tx('category', a.category) : ''),
        },
        { key: 'qty', header: t('activity.quantity'), cell: (a) => <QuantityOf item={a} /> },
        { key: 'cand', header: t('activity.candidate'), cell: (a) => a.candidate ?? '' },
        {
          key: 'val',
          header: t('activity.value'),
          numeric: true,
          cell: (a) => <ValuedAmount valuation={a.valuation} label={a.typeName ?? a.typeCode} />,
        },
        {
          key: 'ev',
          header: t('evidence.title'),
          cell: (a) => <EvidenceCell activity={a} canUpload={canUpload} />,
        },
        {
          key: 'ver',
          header: t('activity.verification'),
          cell: (a) => (
            <>
              <VerificationBadge status={a.verification} />
              {a.verificationReason ? <Paragraph small>{a.verificationReason}</Paragraph> : null}
              {canVerify && a.verification === 'pending' ? (
                <VerifyForm activity={a} onDone={onChange} />
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
