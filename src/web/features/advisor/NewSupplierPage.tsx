import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Supplier } from '../../lib/model.ts';
import { Button, ButtonGroup, ButtonLink } from '../../ui/Button.tsx';
import { Fieldset, TextField } from '../../ui/fields.tsx';
import { PageTitle } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';
import { FormErrors, useForm } from './form.tsx';

const empty = { name: '', kvkNumber: '', contactName: '', contactEmail: '', contactPhone: '' };

/** Advisor registers a supplier (opdrachtnemer): name, KvK number and one contact person. */
export default function NewSupplierPage() {
  const { t } = useI18n();
  const { values, setValues, form, bind } = useForm(empty, 'supplier');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Supplier | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setCreated(null);
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = t('common.required');
    if (!/^\d{8}$/.test(values.kvkNumber.trim())) local.kvkNumber = t('advisor.kvkInvalid');
    if (values.contactEmail.trim() && !values.contactName.trim()) local.contactName = t('common.required');
    if (values.contactName.trim() && !values.contactEmail.trim()) local.contactEmail = t('common.required');
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      const contact = values.contactName.trim()
        ? [
            {
              name: values.contactName.trim(),
              email: values.contactEmail.trim(),
              ...(values.contactPhone.trim() ? { phone: values.contactPhone.trim() } : {}),
            },
          ]
        : [];
      const res = await api.post<Supplier>(endpoints.suppliers, {
        name: values.name.trim(),
        kvkNumber: values.kvkNumber.trim(),
        contacts: contact,
      });
      setCreated(res);
      setValues(empty);
    } catch (error) {
      // contact fields first: `name` would also match `contacts.0.name`
      form.fromApi(error, {
        'contacts.0.name': 'contactName',
        'contacts.0.email': 'contactEmail',
        'contacts.0.phone': 'contactPhone',
        name: 'name',
        kvkNumber: 'kvkNumber',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={t('advisor.newSupplier')}>{t('advisor.newSupplier')}</PageTitle>
      <Paragraph lead>{t('advisor.newSupplierLead')}</Paragraph>
      <div aria-live="polite">
        {created ? (
          <Alert type="ok" heading={t('advisor.supplierCreated', { name: created.name })}>
            <ButtonGroup>
              <ButtonLink to={`/contracts/new?supplierId=${created.id}`} variant="primary">
                {t('advisor.newContractFor', { name: created.name })}
              </ButtonLink>
            </ButtonGroup>
          </Alert>
        ) : null}
      </div>
      <FormErrors form={form} prefix="supplier" />
      {created ? (
        <Button onClick={() => setCreated(null)}>{t('advisor.anotherSupplier')}</Button>
      ) : (
        <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            {...bind('name')}
            label={t('advisor.supplierName')}
            autoComplete="organization"
            required
          />
          <TextField
            {...bind('kvkNumber')}
            label={t('advisor.kvkNumber')}
            description={t('advisor.kvkHint')}
            inputMode="numeric"
            maxLength={8}
            required
          />
          <Fieldset legend={t('advisor.contact')}>
            <TextField {...bind('contactName')} label={t('advisor.contactName')} autoComplete="off" />
            <TextField
              {...bind('contactEmail')}
              type="email"
              label={t('advisor.contactEmail')}
              autoComplete="off"
            />
            <TextField
              {...bind('contactPhone')}
              type="tel"
              label={t('advisor.contactPhone')}
              autoComplete="off"
            />
          </Fieldset>
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('advisor.registerSupplier')}
          </Button>
        </form>
      )}
    </>
  );
}
