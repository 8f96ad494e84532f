import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Heading } from '../../ui/text.tsx';
import { marketEndpoints, type Initiative } from './model.ts';

/** The municipality approves a submitted profile or rejects it with a reason. */
export function ReviewForm({ initiative, onDone }: { initiative: Initiative; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors();
  const canApprove = initiative.status === 'submitted';
  const canReject = initiative.status === 'submitted' || initiative.status === 'approved';
  if (!canReject) return null;

  async function decide(decision: 'approved' | 'rejected') {
    form.clear();
    setBusy(true);
    try {
      await api.post(marketEndpoints.review(initiative.id), {
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone();
    } catch (error) {
      form.fromApi(error, { reason: 'reason' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="review-form" className="retour-card">
      <Heading level={2} id="review-form">
        {t('market.reviewForm')}
      </Heading>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <TextareaField
        id="review-reason"
        label={t('market.reviewReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.errors.reason}
      />
      <ButtonGroup>
        {canApprove ? (
          <Button variant="primary" busy={busy} onClick={() => void decide('approved')}>
            {t('market.approve')}
          </Button>
        ) : null}
        <Button busy={busy} onClick={() => void decide('rejected')}>
          {t('market.reject')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
