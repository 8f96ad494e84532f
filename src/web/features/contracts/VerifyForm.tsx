import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Activity, VerificationStatus } from '../../lib/model.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';

export type Decision = Exclude<VerificationStatus, 'pending'>;

/**
 * Accept an activity, reject it, or ask the supplier for more information. Rejecting and asking need
 * a reason (the API requires one; it goes to the supplier).
 */
export function VerifyForm({
  activity,
  name,
  onDone,
}: {
  activity: Activity;
  name: string;
  onDone: (decision: Decision, withoutEvidence: boolean) => void;
}) {
  const { t } = useI18n();
  // Evidence rules (decision 024): said before the advisor decides; the API refuses the same.
  const bare = activity.evidenceCount === 0 && !activity.pledge;
  const blocked = bare && activity.evidenceRequired === true;
  const warningId = `verify-evidence-${activity.id}`;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors();
  async function decide(decision: Decision) {
    form.clear();
    if (decision !== 'accepted' && !reason.trim()) {
      form.setLocal({
        reason: t(decision === 'rejected' ? 'verify.reasonRequired' : 'verify.moreInfoRequired'),
      });
      return;
    }
    setBusy(true);
    try {
      const result = await api.post<{ evidenceWarnings?: unknown[] }>(endpoints.verification(activity.id), {
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone(decision, decision === 'accepted' && (result.evidenceWarnings?.length ?? 0) > 0);
    } catch (error) {
      form.fromApi(error, { reason: 'reason' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="retour-verify">
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      {bare ? (
        <Alert type="warning" id={warningId}>
          <Paragraph>
            {t(blocked ? 'evidenceRule.requiredVerify' : 'evidenceRule.missingVerify', { name })}
          </Paragraph>
        </Alert>
      ) : null}
      <TextareaField
        label={t('verify.reason', { name })}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.errors.reason}
        rows={2}
      />
      <ButtonGroup>
        {blocked ? null : (
          <Button
            variant="primary"
            onClick={() => void decide('accepted')}
            disabled={busy}
            aria-label={t('verify.acceptLabel', { name })}
            aria-describedby={bare ? warningId : undefined}
          >
            {t('verify.accept')}
          </Button>
        )}
        <Button
          onClick={() => void decide('rejected')}
          disabled={busy}
          aria-label={t('verify.rejectLabel', { name })}
        >
          {t('verify.reject')}
        </Button>
        <Button
          onClick={() => void decide('moreInfo')}
          disabled={busy}
          aria-label={t('verify.moreInfoLabel', { name })}
        >
          {t('verify.moreInfo')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
