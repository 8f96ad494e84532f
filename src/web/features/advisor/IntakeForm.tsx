import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Plan } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, TextareaField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { errorLinks } from './formSummary.ts';

/** Advisor records (or corrects) the intake conversation of a plan-regime contract. */
export function IntakeForm({ contractId }: { contractId: string }) {
  const { t, date } = useI18n();
  const plan = useResource<Plan>(endpoints.plan(contractId));
  const intake = plan.data?.intake ?? null;
  const [values, setValues] = useState({ date: '', notes: '', agreedDirection: '' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFieldErrors();
  useEffect(() => {
    if (intake)
      setValues({ date: intake.date, notes: intake.notes, agreedDirection: intake.agreedDirection });
  }, [intake]);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(false);
    if (!values.date) {
      form.setLocal({ date: t('common.required') });
      return;
    }
    setBusy(true);
    try {
      await api.put<Plan>(endpoints.intake(contractId), values);
      setSaved(true);
      plan.reload();
    } catch (error) {
      form.fromApi(error, { date: 'date', notes: 'notes', agreedDirection: 'agreedDirection' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="intake-form" className="retour-card">
      <Heading level={2} id="intake-form">
        {t('intake.title')}
      </Heading>
      {intake ? (
        <DataList
          items={[
            { key: t('intake.date'), value: date(intake.date) },
            { key: t('intake.agreedDirection'), value: intake.agreedDirection || '—' },
          ]}
        />
      ) : (
        <Paragraph>{t('intake.none')}</Paragraph>
      )}
      <div aria-live="polite">{saved ? <Alert type="ok" heading={t('intake.saved')} /> : null}</div>
      <ErrorSummary heading={t('common.formErrors')} errors={errorLinks(form.errors, 'intake')} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="intake-date"
          type="date"
          label={t('intake.date')}
          value={values.date}
          onChange={set('date')}
          error={form.errors.date}
          required
        />
        <TextareaField
          id="intake-notes"
          label={t('intake.notes')}
          value={values.notes}
          onChange={set('notes')}
          error={form.errors.notes}
          rows={3}
        />
        <TextareaField
          id="intake-agreedDirection"
          label={t('intake.agreedDirection')}
          description={t('intake.agreedDirectionHint')}
          value={values.agreedDirection}
          onChange={set('agreedDirection')}
          error={form.errors.agreedDirection}
          rows={2}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('intake.save')}
        </Button>
      </form>
    </section>
  );
}
