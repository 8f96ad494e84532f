import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Contract, ContractInvoices } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Explain, Heading, Paragraph } from '../../ui/text.tsx';
import { FormErrors, useForm } from './form.tsx';

/** The half-years from the start to the last possible end (options included), `2026-H1` … */
function halfYears(start: string, end: string): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let h = Number(start.slice(5, 7)) <= 6 ? 1 : 2;
  const lastY = Number(end.slice(0, 4));
  const lastH = Number(end.slice(5, 7)) <= 6 ? 1 : 2;
  while (y < lastY || (y === lastY && h <= lastH)) {
    out.push(`${y}-H${h}`);
    if (h === 2) y++;
    h = h === 1 ? 2 : 1;
  }
  return out;
}

/**
 * A framework contract on invoiced value (decision 022): what was invoiced per half-year, and for
 * the advisor a form to record it; the obligation and the expected pace follow. Shown only when the
 * contract's policy is on invoiced value.
 */
export function InvoicesSection({
  contract,
  canEdit,
  onChanged,
}: {
  contract: Contract;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t, lang, money, halfYear } = useI18n();
  const invoices = useResource<ContractInvoices>(endpoints.invoices(contract.id));
  const last =
    contract.maxExtentDate && contract.maxExtentDate > contract.endDate
      ? contract.maxExtentDate
      : contract.endDate;
  const periods = halfYears(contract.startDate, last);
  const { values, setValues, form, bind } = useForm({ period: periods[0] ?? '', amount: '' }, 'invoice');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const data = invoices.data;
  if (!data || data.base !== 'invoiced') return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    const cents = parseEuros(values.amount, lang);
    if (cents === null) {
      form.setLocal({ amount: t('common.invalidAmount') });
      return;
    }
    setBusy(true);
    try {
      const res = await api.put<ContractInvoices>(endpoints.invoice(contract.id, values.period), {
        amountCents: cents,
      });
      setSaved(res.obligation.amountCents);
      setValues((v) => ({ ...v, amount: '' }));
      invoices.reload();
      onChanged();
    } catch (error) {
      form.fromApi(error, { amountCents: 'amount', period: 'period' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="contract-invoices" className="retour-card">
      <Heading level={2} id="contract-invoices">
        {t('invoices.title')}
      </Heading>
      <Paragraph>{t('invoices.lead')}</Paragraph>
      {data.items.length ? (
        <Table
          caption={t('invoices.caption')}
          rows={data.items}
          rowKey={(i) => i.period}
          columns={[
            { key: 'period', header: t('invoices.period'), rowHeader: true, cell: (i) => halfYear(i.period) },
            { key: 'amount', header: t('invoices.amount'), numeric: true, cell: (i) => money(i.amountCents) },
          ]}
          footer={
            <tr className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t('invoices.total')}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{money(data.totalCents)}</td>
            </tr>
          }
        />
      ) : (
        <Paragraph>{t('invoices.none')}</Paragraph>
      )}
      <Explain summary={t('common.explain')}>
        <Paragraph>{lang === 'nl' ? data.obligation.explanationNl : data.obligation.explanation}</Paragraph>
      </Explain>
      {canEdit ? (
        <>
          <div aria-live="polite">
            {saved !== null ? (
              <Alert type="ok" heading={t('invoices.saved', { amount: money(saved) })} />
            ) : null}
          </div>
          <FormErrors form={form} prefix="invoice" />
          <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
            <SelectField
              {...bind('period')}
              label={t('invoices.period')}
              options={periods.map((p) => ({ value: p, label: halfYear(p) }))}
            />
            <TextField
              {...bind('amount')}
              label={t('invoices.amount')}
              description={t('common.euroHint')}
              inputMode="decimal"
              required
            />
            <Button type="submit" variant="primary" busy={busy} disabled={busy}>
              {t('invoices.save')}
            </Button>
          </form>
        </>
      ) : null}
    </section>
  );
}
