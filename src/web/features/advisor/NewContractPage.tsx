import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Contract, Supplier } from '../../lib/model.ts';
import { useAllPages } from '../../lib/useAllPages.ts';
import { Button, ButtonGroup, ButtonLink, Link } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';
import { useContractManagerOptions } from './contractManagers.ts';
import { FormErrors, useForm } from './form.tsx';
import { ObligationResult } from './ObligationResult.tsx';

const empty = {
  reference: '',
  title: '',
  supplierId: '',
  value: '',
  kind: '',
  startDate: '',
  endDate: '',
  awardDate: '',
  contractManagerId: '',
};
type Values = typeof empty;

/**
 * Advisor registers an awarded contract; the API computes the obligation and regime under the policy
 * in force on the award date, shown here with its explanation right after.
 */
export default function NewContractPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const suppliers = useAllPages<Supplier>(endpoints.suppliers);
  const managers = useContractManagerOptions();
  const { values, setValues, form, bind } = useForm<Values>(
    () => ({
      ...empty,
      supplierId: params.get('supplierId') ?? '',
    }),
    'contract',
  );
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Contract | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setCreated(null);
    const cents = parseEuros(values.value, lang);
    const local: Record<string, string> = {};
    for (const k of ['reference', 'title', 'supplierId', 'startDate', 'endDate'] as const)
      if (!values[k].trim()) local[k] = t('common.required');
    if (cents === null) local.value = t('common.invalidAmount');
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<Contract>(endpoints.contracts(), {
        reference: values.reference.trim(),
        title: values.title.trim(),
        supplierId: values.supplierId,
        valueCents: cents,
        startDate: values.startDate,
        endDate: values.endDate,
        ...(values.awardDate ? { awardDate: values.awardDate } : {}),
        ...(values.kind ? { kind: values.kind } : {}),
        ...(values.contractManagerId ? { contractManagerId: values.contractManagerId } : {}),
      });
      setCreated(res);
      setValues({ ...empty, supplierId: values.supplierId });
    } catch (error) {
      form.fromApi(error, {
        reference: 'reference',
        title: 'title',
        supplierId: 'supplierId',
        valueCents: 'value',
        startDate: 'startDate',
        endDate: 'endDate',
        awardDate: 'awardDate',
        kind: 'kind',
        contractManagerId: 'contractManagerId',
      });
    } finally {
      setBusy(false);
    }
  }

  const supplierOptions = suppliers.data?.items ?? [];
  return (
    <>
      <PageTitle title={t('advisor.newContract')}>{t('advisor.newContract')}</PageTitle>
      <Paragraph lead>{t('advisor.newContractLead')}</Paragraph>
      <div aria-live="polite">
        {created ? (
          <Alert type="ok" heading={t('advisor.contractCreated', { reference: created.reference })}>
            <ObligationResult obligation={created.obligation} open />
            <ButtonGroup>
              <ButtonLink to={`/contracts/${created.id}`} variant="primary">
                {t('advisor.openContract', { reference: created.reference })}
              </ButtonLink>
            </ButtonGroup>
          </Alert>
        ) : null}
      </div>
      <FormErrors form={form} prefix="contract" />
      {suppliers.error ? <ErrorAlert error={suppliers.error} onRetry={suppliers.reload} /> : null}
      {managers.managers.error ? (
        <ErrorAlert error={managers.managers.error} onRetry={managers.managers.reload} />
      ) : null}
      {created ? (
        <Button onClick={() => setCreated(null)}>{t('advisor.anotherContract')}</Button>
      ) : (
        <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            {...bind('reference')}
            label={t('advisor.reference')}
            description={t('advisor.referenceHint')}
            autoComplete="off"
            required
          />
          <TextField {...bind('title')} label={t('advisor.contractTitle')} autoComplete="off" required />
          <SelectField
            {...bind('supplierId')}
            label={t('contracts.supplier')}
            description={<Link to="/suppliers/new">{t('advisor.newSupplier')}</Link>}
            required
            options={[
              { value: '', label: t('advisor.chooseSupplier') },
              ...supplierOptions.map((s) => ({ value: s.id, label: `${s.name} (KvK ${s.kvkNumber})` })),
            ]}
          />
          <TextField
            {...bind('value')}
            label={t('contracts.value')}
            description={t('common.euroHint')}
            inputMode="decimal"
            required
          />
          <SelectField
            {...bind('kind')}
            label={t('estimate.kind')}
            options={[
              { value: '', label: t('estimate.kind.any') },
              { value: 'works', label: t('estimate.kind.works') },
              { value: 'servicesAndSupplies', label: t('estimate.kind.servicesAndSupplies') },
            ]}
          />
          <TextField {...bind('startDate')} type="date" label={t('advisor.startDate')} required />
          <TextField {...bind('endDate')} type="date" label={t('advisor.endDate')} required />
          <TextField
            {...bind('awardDate')}
            type="date"
            label={t('contracts.awardDate')}
            description={t('advisor.awardDateHint')}
          />
          <SelectField
            {...bind('contractManagerId')}
            label={t('role.contractManager')}
            description={t('contractManager.hint')}
            options={managers.options}
          />
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('advisor.registerContract')}
          </Button>
        </form>
      )}
    </>
  );
}
