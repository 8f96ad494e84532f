import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Contract } from '../../lib/model.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Heading } from '../../ui/text.tsx';
import { useContractManagerOptions } from './contractManagers.ts';
import { FormErrors, useForm } from './form.tsx';

/** Advisor changes a contract's title and contract manager (PATCH /contracts/{id}). */
export function ContractDetailsForm({ contract, onSaved }: { contract: Contract; onSaved: () => void }) {
  const { t } = useI18n();
  const { managers, options } = useContractManagerOptions();
  const { values, form, bind } = useForm(
    () => ({ title: contract.title, contractManagerId: contract.contractManagerId ?? '' }),
    'details',
  );
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(false);
    if (!values.title.trim()) {
      form.setLocal({ title: t('common.required') });
      return;
    }
    setBusy(true);
    try {
      await api.patch<Contract>(endpoints.contract(contract.id), {
        title: values.title.trim(),
        contractManagerId: values.contractManagerId || null,
      });
      setSaved(true);
      onSaved();
    } catch (error) {
      form.fromApi(error, { title: 'title', contractManagerId: 'contractManagerId' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="details-form" className="retour-card">
      <Heading level={2} id="details-form">
        {t('contractDetails.title')}
      </Heading>
      <div aria-live="polite">{saved ? <Alert type="ok" heading={t('contractDetails.saved')} /> : null}</div>
      <FormErrors form={form} prefix="details" />
      {managers.error ? <ErrorAlert error={managers.error} onRetry={managers.reload} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField {...bind('title')} label={t('advisor.contractTitle')} autoComplete="off" required />
        <SelectField
          {...bind('contractManagerId')}
          label={t('role.contractManager')}
          description={t('contractManager.hint')}
          options={options}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('contractDetails.save')}
        </Button>
      </form>
    </section>
  );
}
