import { useNavigate, useParams } from 'react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Report, ReportDetail } from '../../lib/model.ts';
import { useTypeNames } from '../../lib/activityTypes.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, Link } from '../../ui/Button.tsx';
import { ErrorAlert, Notice, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Alert, DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { ActivityForm } from '../supplier/ActivityForm.tsx';
import { ImportForm } from '../supplier/ImportForm.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ActivitiesTable } from './ActivitiesTable.tsx';
import { ReportHistory } from './ReportHistory.tsx';
import { ReportStatusBadge } from './shared.tsx';
import type { ApiError } from '../../api.ts';

/**
 * Evidence rules (decision 024): undecided activities without evidence (a confirmed pledge is its own
 * proof), split into those the policy requires evidence for (submitting is refused) and the others.
 */
function evidenceGaps(report: ReportDetail) {
  const bare = report.activities.filter(
    (a) =>
      a.evidenceCount === 0 && !a.pledge && a.verification !== 'accepted' && a.verification !== 'rejected',
  );
  return {
    required: bare.filter((a) => a.evidenceRequired),
    missing: bare.filter((a) => !a.evidenceRequired),
  };
}

/** Activities of a report still waiting for the advisor's first decision. */
const waiting = (report: ReportDetail) =>
  report.activities.filter((a) => a.verification === 'pending').length;

/**
 * One half-year report. Suppliers add and remove activities with evidence and submit, answer a
 * question with more evidence, and ask for a correction once it is closed; advisors accept, reject or
 * ask more about each activity. Everyone sees each value with its explanation, and older versions.
 */
export default function ReportPage() {
  const { reportId = '' } = useParams();
  const navigate = useNavigate();
  const { t, date, money, halfYear } = useI18n();
  const { me } = useSession();
  const resource = useResource<ReportDetail>(endpoints.report(reportId));
  const report = resource.data;
  const typeName = useTypeNames();
  const [actionError, setActionError] = useState<ApiError | null>(null);
  // The outcome of the last action; it takes the focus, as the control used is often gone. Numbered,
  // so the same message twice (two activities of one type accepted) still moves the focus.
  const [notice, setNoticeState] = useState<{ text: string; n: number } | null>(null);
  const setNotice = (text: string) => setNoticeState((old) => ({ text, n: (old?.n ?? 0) + 1 }));
  const [busy, setBusy] = useState(false);
  const isSupplier = me?.role === 'supplier';
  const isAdvisor = me?.role === 'advisor' || me?.role === 'municipalityAdmin';
  // Who decides on activities: the advisor, and an independent verifier assigned to the contract.
  const decides = me?.role === 'advisor' || me?.role === 'verifier';
  const editable =
    isSupplier && report !== undefined && (report.status === 'open' || report.status === 'overdue');
  const canCorrect = (isSupplier || me?.role === 'advisor') && report?.status === 'closed' && report.current;

  async function act(run: () => Promise<void>) {
    setActionError(null);
    setBusy(true);
    try {
      await run();
    } catch (error) {
      setActionError(error as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const submitReport = () =>
    act(async () => {
      await api.post(endpoints.reportSubmission(reportId));
      setNotice(t('report.submitted'));
      resource.reload();
    });
  const acceptAll = () =>
    act(async () => {
      const result = await api.post<{ accepted: number }>(endpoints.reportAcceptance(reportId));
      setNotice(t('report.acceptAllDone', { n: result.accepted }));
      resource.reload();
    });
  const requestCorrection = (closed: ReportDetail) =>
    act(async () => {
      const next = await api.post<Report>(endpoints.reportCorrections(closed.id));
      setNotice(t('report.corrected', { version: next.version }));
      void navigate(`/contracts/${closed.contract.id}/reports/${next.id}`);
    });

  return (
    <ResourceView resource={resource} page>
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
                { key: t('plan.version'), value: String(report.version) },
                { key: t('reports.due'), value: date(report.dueDate) },
                {
                  key: t('report.total'),
                  value: <span data-testid="report-total">{money(report.totalCents)}</span>,
                },
              ]}
            />
            {notice ? (
              // Keyed by report too: after a correction the page shows the new version, and the focus
              // (which the layout puts on <main> when the address changes) comes back to the message.
              <Notice key={`${report.id}-${notice.n}`} message={notice.text} />
            ) : null}
            {actionError ? <ErrorAlert error={actionError} /> : null}
            <section aria-labelledby="report-activities">
              <Heading level={2} id="report-activities">
                {t('report.activities')}
              </Heading>
              <ActivitiesTable
                report={report}
                typeName={typeName}
                editable={editable}
                isSupplier={isSupplier}
                canVerify={(isAdvisor || decides) && report.status === 'submitted'}
                onChange={(message) => {
                  setNotice(message);
                  resource.reload();
                }}
                onError={setActionError}
                onEvidenceChange={resource.reload}
              />
            </section>
            {decides && report.status === 'submitted' && waiting(report) > 0 ? (
              <section aria-labelledby="report-accept-all" className="retour-card">
                <Heading level={2} id="report-accept-all">
                  {t('report.acceptAll')}
                </Heading>
                <Paragraph>{t('report.acceptAllHint')}</Paragraph>
                <ConfirmButton
                  label={t('report.acceptAll')}
                  ariaLabel={t('report.acceptAll')}
                  question={t('report.acceptAllQuestion', { n: waiting(report) })}
                  confirmLabel={t('report.acceptAllConfirm')}
                  onConfirm={acceptAll}
                  disabled={busy}
                  variant="primary"
                />
              </section>
            ) : null}
            {editable ? (
              <>
                <ActivityForm contractId={c.id} period={report.period} onAdded={resource.reload} />
                <ImportForm
                  contractId={c.id}
                  period={report.period}
                  typeName={typeName}
                  onImported={(message) => {
                    setNotice(message);
                    resource.reload();
                  }}
                />
                <section aria-labelledby="report-submit" className="retour-card">
                  <Heading level={2} id="report-submit">
                    {t('report.submitTitle')}
                  </Heading>
                  <Paragraph>{t('report.submitLead')}</Paragraph>
                  <SubmitControl report={report} typeName={typeName} busy={busy} onSubmit={submitReport} />
                </section>
              </>
            ) : null}
            {canCorrect ? (
              <section aria-labelledby="report-correct" className="retour-card">
                <Heading level={2} id="report-correct">
                  {t('report.correctTitle')}
                </Heading>
                <Paragraph>{t('report.correctLead')}</Paragraph>
                <Button onClick={() => void requestCorrection(report)} busy={busy} disabled={busy}>
                  {t('report.correct')}
                </Button>
              </section>
            ) : null}
            <ReportHistory key={report.id} report={report} />
          </>
        );
      }}
    </ResourceView>
  );
}

/**
 * Submitting, after a question in the page. Activities without evidence are named first: a warning
 * when their type allows it, and no submit button while the policy requires evidence that is missing
 * (the API refuses the same, decision 024).
 */
function SubmitControl({
  report,
  typeName,
  busy,
  onSubmit,
}: {
  report: ReportDetail;
  typeName: (code: string) => string;
  busy: boolean;
  onSubmit: () => Promise<void>;
}) {
  const { t, money } = useI18n();
  const { required, missing } = evidenceGaps(report);
  const names = (list: typeof missing) => list.map((a) => typeName(a.typeCode)).join(', ');
  if (required.length > 0)
    return (
      <Alert type="warning" heading={t('evidenceRule.missingHeading')}>
        <Paragraph data-testid="evidence-required">
          {t('evidenceRule.requiredSubmit', { names: names(required) })}
        </Paragraph>
      </Alert>
    );
  const question = t('report.submitQuestion', {
    n: report.activities.length,
    total: money(report.totalCents),
  });
  return (
    <>
      {missing.length > 0 ? (
        <Alert type="warning" heading={t('evidenceRule.missingHeading')}>
          <Paragraph data-testid="evidence-missing">
            {t('evidenceRule.missingSubmit', { n: missing.length, names: names(missing) })}
          </Paragraph>
        </Alert>
      ) : null}
      <ConfirmButton
        label={t('report.submit')}
        ariaLabel={t('report.submit')}
        question={
          missing.length > 0
            ? `${question} ${t('evidenceRule.submitQuestionMissing', { n: missing.length })}`
            : question
        }
        confirmLabel={t('report.submitConfirm')}
        onConfirm={onSubmit}
        disabled={busy}
        variant="primary"
      />
    </>
  );
}
