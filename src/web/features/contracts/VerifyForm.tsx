import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Activity, VerificationStatus } from '../../lib/model.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';

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
  onDone: (decision: Decision) => void;
}) {
  const { t } = useI18n();
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
      await api.post(endpoints.verification(activity.id), {
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone(decision);
    } catch (error) {
      form.fromApi(error, { reason: 'reason' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="retour-verify">
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <TextareaField
        label={t('verify.reason', { name })}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.errors.reason}
        rows={2}
      />
      <ButtonGroup>
        <Button
          variant="primary"
          onClick={() => void decide('accepted')}
          disabled={busy}
          aria-label={t('verify.acceptLabel', { name })}
        >
          {t('verify.accept')}
        </Button>
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
