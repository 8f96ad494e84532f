import { api, type ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ReportDetail } from '../../lib/model.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Table } from '../../ui/Table.tsx';
import { Paragraph, StatusBadge } from '../../ui/text.tsx';
import { EvidenceCell } from './EvidenceCell.tsx';
import { QuantityOf, ValuedAmount, VerificationBadge } from './shared.tsx';
import { VerifyForm } from './VerifyForm.tsx';

/**
 * The activities of a report with their value, evidence and verification. While the report is open the
 * supplier may remove an activity and its evidence; when the advisor asked for more information about
 * one, the supplier can add evidence to it.
 */
export function ActivitiesTable({
  report,
  typeName,
  editable,
  isSupplier,
  canVerify,
  onChange,
  onError,
  onEvidenceChange,
}: {
  report: ReportDetail;
  typeName: (code: string) => string;
  editable: boolean;
  isSupplier: boolean;
  canVerify: boolean;
  onChange: (message: string) => void;
  onError: (error: ApiError) => void;
  /** Evidence was added or removed (the report's evidence warnings change). */
  onEvidenceChange?: () => void;
}) {
  const { t, tx } = useI18n();
  async function remove(activityId: string, name: string) {
    try {
      await api.delete(endpoints.activity(activityId));
      onChange(t('activity.deleted', { name }));
    } catch (error) {
      onError(error as ApiError);
    }
  }
  const answering = isSupplier && report.status === 'submitted';
  // Before submission nothing waits for the advisor yet: "Te beoordelen" would say otherwise.
  const draft = report.status === 'open' || report.status === 'overdue';
  return (
    <Table
      caption={t('report.activities')}
      captionHidden
      rows={report.activities}
      rowKey={(a) => a.id}
      empty={t('report.noActivities')}
      columns={[
        {
          key: 'type',
          header: t('activity.type'),
          rowHeader: true,
          cell: (a) => (
            <>
              {typeName(a.typeCode)}
              {a.pledge ? (
                <Paragraph small>
                  {t('activity.fromPledge', { initiative: a.pledge.initiativeName })}
                </Paragraph>
              ) : null}
            </>
          ),
        },
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
          cell: (a) => (
            <EvidenceCell
              activity={a}
              name={typeName(a.typeCode)}
              canUpload={editable || (answering && a.verification === 'moreInfo')}
              canDelete={editable}
              {...(onEvidenceChange ? { onChanged: onEvidenceChange } : {})}
            />
          ),
        },
        {
          key: 'ver',
          header: t('activity.verification'),
          cell: (a) => {
            const name = typeName(a.typeCode);
            return (
              <>
                {draft && a.verification === 'pending' ? (
                  <StatusBadge tone="neutral">{t('verification.draft')}</StatusBadge>
                ) : (
                  <VerificationBadge status={a.verification} />
                )}
                {a.verificationReason ? <Paragraph small>{a.verificationReason}</Paragraph> : null}
                {canVerify && (a.verification === 'pending' || a.verification === 'moreInfo') ? (
                  <VerifyForm
                    activity={a}
                    name={name}
                    onDone={(decision, withoutEvidence) =>
                      onChange(
                        withoutEvidence
                          ? t('evidenceRule.acceptedWithout', { name })
                          : t(`verify.done.${decision}`, { name }),
                      )
                    }
                  />
                ) : null}
                {editable ? (
                  <ConfirmButton
                    label={t('activity.delete')}
                    ariaLabel={t('activity.deleteLabel', { name })}
                    question={t('activity.deleteQuestion', { name })}
                    confirmLabel={t('activity.deleteConfirm')}
                    onConfirm={() => remove(a.id, name)}
                  />
                ) : null}
              </>
            );
          },
        },
      ]}
    />
  );
}
