import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Plan } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { TextareaField, TextField } from '../../ui/fields.tsx';
import { Alert, DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { FormErrors, useForm } from './form.tsx';

/** Advisor records (or corrects) the intake conversation of a plan-regime contract. */
export function IntakeForm({ contractId }: { contractId: string }) {
  const { t, date } = useI18n();
  const plan = useResource<Plan>(endpoints.plan(contractId));
  const intake = plan.data?.intake ?? null;
  const { values, setValues, form, bind } = useForm({ date: '', notes: '', agreedDirection: '' }, 'intake');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (intake)
      setValues({ date: intake.date, notes: intake.notes, agreedDirection: intake.agreedDirection });
  }, [intake, setValues]);

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
      <FormErrors form={form} prefix="intake" />
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField {...bind('date')} type="date" label={t('intake.date')} required />
        <TextareaField {...bind('notes')} label={t('intake.notes')} rows={3} />
        <TextareaField
          {...bind('agreedDirection')}
          label={t('intake.agreedDirection')}
          description={t('intake.agreedDirectionHint')}
          rows={2}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('intake.save')}
        </Button>
      </form>
    </section>
  );
}
