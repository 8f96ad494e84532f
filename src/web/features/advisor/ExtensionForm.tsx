import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Contract } from '../../lib/model.ts';
import { Button } from '../../ui/Button.tsx';
import { TextareaField, TextField } from '../../ui/fields.tsx';
import { Alert, Heading } from '../../ui/text.tsx';
import { FormErrors, useForm } from './form.tsx';
import { ObligationResult } from './ObligationResult.tsx';

/** Advisor records an option or extension; the API recomputes the obligation, shown with its rule. */
export function ExtensionForm({ contract, onExtended }: { contract: Contract; onExtended: () => void }) {
  const { t, lang } = useI18n();
  const { values, setValues, form, bind } = useForm({ value: '', endDate: '', note: '' }, 'extension');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Contract | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setResult(null);
    const cents = parseEuros(values.value, lang);
    if (cents === null) {
      form.setLocal({ value: t('common.invalidAmount') });
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<Contract>(endpoints.extensions(contract.id), {
        valueCents: cents,
        ...(values.endDate ? { endDate: values.endDate } : {}),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      });
      setResult(res);
      setValues({ value: '', endDate: '', note: '' });
      onExtended();
    } catch (error) {
      form.fromApi(error, { valueCents: 'value', endDate: 'endDate', note: 'note' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="extension-form" className="retour-card">
      <Heading level={2} id="extension-form">
        {t('extension.title')}
      </Heading>
      <div aria-live="polite">
        {result ? (
          <Alert type="ok" heading={t('extension.saved')}>
            <ObligationResult obligation={result.obligation} open />
          </Alert>
        ) : null}
      </div>
      <FormErrors form={form} prefix="extension" />
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          {...bind('value')}
          label={t('extension.value')}
          description={t('common.euroHint')}
          inputMode="decimal"
          required
        />
        <TextField
          {...bind('endDate')}
          type="date"
          label={t('extension.endDate')}
          description={t('extension.endDateHint')}
        />
        <TextareaField {...bind('note')} label={t('extension.note')} rows={2} />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('extension.save')}
        </Button>
      </form>
    </section>
  );
}
