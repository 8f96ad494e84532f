import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type {
  Progress,
  ProgressStatus,
  Quantities,
  ReportStatus,
  Valuation,
  VerificationStatus,
} from '../../lib/model.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { DataList, Explain, Paragraph, StatusBadge } from '../../ui/text.tsx';

const statusTone: Record<ProgressStatus, 'success' | 'warning' | 'danger' | 'neutral'> = {
  met: 'success',
  onTrack: 'neutral',
  behind: 'warning',
  notMet: 'danger',
};

export function ProgressStatusBadge({ status }: { status: ProgressStatus }) {
  const { tx } = useI18n();
  return <StatusBadge tone={statusTone[status] ?? 'neutral'}>{tx('progressStatus', status)}</StatusBadge>;
}

const reportTone: Record<ReportStatus, 'success' | 'warning' | 'danger' | 'neutral' | 'active'> = {
  open: 'active',
  submitted: 'neutral',
  closed: 'success',
  overdue: 'danger',
};
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { tx } = useI18n();
  return <StatusBadge tone={reportTone[status] ?? 'neutral'}>{tx('reportStatus', status)}</StatusBadge>;
}

const verificationTone: Record<VerificationStatus, 'success' | 'warning' | 'danger' | 'neutral'> = {
  pending: 'neutral',
  accepted: 'success',
  rejected: 'danger',
  moreInfo: 'warning',
};
export function VerificationBadge({ status }: { status: VerificationStatus }) {
  const { tx } = useI18n();
  return <StatusBadge tone={verificationTone[status] ?? 'neutral'}>{tx('verification', status)}</StatusBadge>;
}

/** "Every euro explains itself": an amount with its rule and arithmetic one click away. */
export function ValuedAmount({ valuation, label }: { valuation: Valuation; label?: ReactNode }) {
  const { t, money } = useI18n();
  return (
    <Explain
      summary={
        <>
          {label ? <span className="retour-visually-hidden">{label}: </span> : null}
          {money(valuation.valueCents)}
        </>
      }
    >
      <Paragraph>{valuation.explanation || t('common.none')}</Paragraph>
      {valuation.ruleId ? (
        <Paragraph small>
          {t('common.rule')}: <code>{valuation.ruleId}</code>
        </Paragraph>
      ) : null}
    </Explain>
  );
}

/**
 * Progress bar with planned, expected pace and forecast, and the same numbers as text (status: one
 * contract). Notes say what a number does not show by itself: a plan not yet approved (planned is
 * zero until then), a forecast far above the obligation, value from pledges counted before any report
 * is submitted.
 */
export function ProgressPanel({
  progress,
  pendingPlanCents,
  pledgedCents,
}: {
  progress: Omit<Progress, 'status' | 'byCategory'> & { status?: ProgressStatus };
  /** The total of a plan that is submitted or in draft but not approved yet. */
  pendingPlanCents?: number | undefined;
  /** Realised value that came from confirmed marketplace pledges. */
  pledgedCents?: number | undefined;
}) {
  const { t, money, number } = useI18n();
  const notes: string[] = [];
  if (pendingPlanCents !== undefined && pendingPlanCents > 0 && progress.plannedCents === 0)
    notes.push(t('progress.planPending', { amount: money(pendingPlanCents) }));
  if (progress.obligationCents > 0 && progress.forecastCents > 1.5 * progress.obligationCents)
    notes.push(
      t('progress.forecastHigh', {
        times: number(Math.round((progress.forecastCents / progress.obligationCents) * 10) / 10),
      }),
    );
  if (pledgedCents !== undefined && pledgedCents > 0)
    notes.push(t('progress.pledged', { amount: money(pledgedCents) }));
  const why = progress.explanations;
  /** An amount with its rule one click away when the API explained it. */
  const explained = (cents: number, key: keyof NonNullable<typeof why>, testId?: string) =>
    why ? (
      <Explain summary={<span data-testid={testId}>{money(cents)}</span>}>
        <Paragraph small>{why[key]}</Paragraph>
      </Explain>
    ) : (
      <span data-testid={testId}>{money(cents)}</span>
    );
  return (
    <div className="retour-stack">
      {progress.status ? (
        <Paragraph>
          {t('progress.status')}: <ProgressStatusBadge status={progress.status} />
        </Paragraph>
      ) : null}
      <ProgressBar
        obligationCents={progress.obligationCents}
        plannedCents={progress.plannedCents}
        realisedCents={progress.realisedCents}
        verifiedCents={progress.verifiedCents}
        expectedCents={progress.expectedCents}
        forecastCents={progress.forecastCents}
        legend={
          <ul className="retour-legend" aria-hidden="true">
            {progress.plannedCents > 0 ? (
              <li>
                <span className="retour-swatch retour-swatch--planned" /> {t('progress.planned')}
              </li>
            ) : null}
            <li>
              <span className="retour-swatch retour-swatch--verified" /> {t('progress.verified')}
            </li>
            <li>
              <span className="retour-swatch retour-swatch--realised" /> {t('progress.realised')}
            </li>
            <li>
              <span className="retour-swatch retour-swatch--expected" /> {t('progress.expected')}
            </li>
            <li>
              <span className="retour-swatch retour-swatch--forecast" /> {t('progress.forecast')}
            </li>
            <li>
              <span className="retour-swatch retour-swatch--obligation" /> {t('progress.obligation')}
            </li>
          </ul>
        }
      />
      <DataList
        items={[
          { key: t('progress.obligation'), value: money(progress.obligationCents) },
          { key: t('progress.planned'), value: explained(progress.plannedCents, 'planned') },
          { key: t('progress.realised'), value: explained(progress.realisedCents, 'realised') },
          {
            key: t('progress.verified'),
            value: explained(progress.verifiedCents, 'verified', 'progress-verified'),
          },
          { key: t('progress.expected'), value: explained(progress.expectedCents, 'expected') },
          { key: t('progress.forecast'), value: explained(progress.forecastCents, 'forecast') },
        ]}
      />
      {notes.map((note) => (
        <Paragraph key={note} small>
          {note}
        </Paragraph>
      ))}
    </div>
  );
}

/** The quantity of a plan item or activity in words: "0,5 fte × 6 maanden", "3 stuks", "€ 1.000,00". */
export function QuantityOf({ item }: { item: Quantities }) {
  const { t, number, money, date } = useI18n();
  const parts: string[] = [];
  if (item.fte != null) parts.push(t('qty.fte', { n: number(item.fte) }));
  if (item.months != null) parts.push(t('qty.months', { n: number(item.months) }));
  if (item.units != null) parts.push(t('qty.units', { n: number(item.units) }));
  if (item.hours != null) parts.push(t('qty.hours', { n: number(item.hours) }));
  if (item.amountCents != null) parts.push(money(item.amountCents));
  const text = parts.join(' × ');
  const dates = item.validFrom && item.validTo ? `${date(item.validFrom)} – ${date(item.validTo)}` : '';
  return <>{[text, dates].filter(Boolean).join(', ') || '—'}</>;
}
