import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Contract, List, Supplier } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, ButtonGroup, ButtonLink, Link } from '../../ui/Button.tsx';
import { ErrorSummary, SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';
import { errorLinks } from './formSummary.ts';
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
};
type Values = typeof empty;

/**
 * Advisor registers an awarded contract; the API computes the obligation and regime under the policy
 * in force on the award date, shown here with its explanation right after.
 */
export default function NewContractPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const suppliers = useResource<List<Supplier>>(endpoints.suppliers);
  const [values, setValues] = useState<Values>(() => ({
    ...empty,
    supplierId: params.get('supplierId') ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Contract | null>(null);
  const form = useFieldErrors();
  const set = (key: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

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
      <ErrorSummary heading={t('common.formErrors')} errors={errorLinks(form.errors, 'contract')} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      {suppliers.error ? <ErrorAlert error={suppliers.error} onRetry={suppliers.reload} /> : null}
      {created ? (
        <Button onClick={() => setCreated(null)}>{t('advisor.anotherContract')}</Button>
      ) : (
        <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id="contract-reference"
            label={t('advisor.reference')}
            description={t('advisor.referenceHint')}
            value={values.reference}
            onChange={set('reference')}
            error={form.errors.reference}
            autoComplete="off"
            required
          />
          <TextField
            id="contract-title"
            label={t('advisor.contractTitle')}
            value={values.title}
            onChange={set('title')}
            error={form.errors.title}
            autoComplete="off"
            required
          />
          <SelectField
            id="contract-supplierId"
            label={t('contracts.supplier')}
            description={<Link to="/suppliers/new">{t('advisor.newSupplier')}</Link>}
            value={values.supplierId}
            onChange={set('supplierId')}
            error={form.errors.supplierId}
            required
            options={[
              { value: '', label: t('advisor.chooseSupplier') },
              ...supplierOptions.map((s) => ({ value: s.id, label: `${s.name} (KvK ${s.kvkNumber})` })),
            ]}
          />
          <TextField
            id="contract-value"
            label={t('contracts.value')}
            description={t('common.euroHint')}
            value={values.value}
            onChange={set('value')}
            error={form.errors.value}
            inputMode="decimal"
            required
          />
          <SelectField
            id="contract-kind"
            label={t('estimate.kind')}
            value={values.kind}
            onChange={set('kind')}
            error={form.errors.kind}
            options={[
              { value: '', label: t('estimate.kind.any') },
              { value: 'works', label: t('estimate.kind.works') },
              { value: 'servicesAndSupplies', label: t('estimate.kind.servicesAndSupplies') },
            ]}
          />
          <TextField
            id="contract-startDate"
            type="date"
            label={t('advisor.startDate')}
            value={values.startDate}
            onChange={set('startDate')}
            error={form.errors.startDate}
            required
          />
          <TextField
            id="contract-endDate"
            type="date"
            label={t('advisor.endDate')}
            value={values.endDate}
            onChange={set('endDate')}
            error={form.errors.endDate}
            required
          />
          <TextField
            id="contract-awardDate"
            type="date"
            label={t('contracts.awardDate')}
            description={t('advisor.awardDateHint')}
            value={values.awardDate}
            onChange={set('awardDate')}
            error={form.errors.awardDate}
          />
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('advisor.registerContract')}
          </Button>
        </form>
      )}
    </>
  );
}
