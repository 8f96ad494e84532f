import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { parseDecimal, parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { type ContractListItem, type List, type Report } from '../../lib/model.ts';
import { currentReports } from '../../lib/reports.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField, TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Heading } from '../../ui/text.tsx';
import { marketEndpoints, pledgeKindsForNeed, type Need, type PledgeKind } from './model.ts';

/**
 * A supplier pledges hours, money or goods to one open need of the initiative, for one of its own
 * contracts in a half-year of its term; the kinds offered are those that answer the chosen need.
 */
export function PledgeForm({ initiativeId, needs }: { initiativeId: string; needs: Need[] }) {
  const { t, tx, lang, halfYear, number } = useI18n();
  const open = needs.flatMap((n) => (n.id && n.status !== 'closed' ? [{ ...n, id: n.id }] : []));
  // a need that fits the supplier's offer, chosen from the marketplace (?need=), else the first open one
  const [search] = useSearchParams();
  const initial = open.find((n) => n.id === search.get('need')) ?? open[0];
  const [needId, setNeedId] = useState(initial?.id ?? '');
  const need = open.find((n) => n.id === needId);
  const kinds = need ? pledgeKindsForNeed[need.kind] : [];
  const contracts = useResource<List<ContractListItem>>(endpoints.contracts({ limit: '500' }));
  const [contractId, setContractId] = useState('');
  const reports = useResource<List<Report>>(contractId ? endpoints.reports(contractId) : null);
  const periods = currentReports(reports.data?.items ?? []).filter(
    (r) => r.status === 'open' || r.status === 'overdue',
  );
  const [kind, setKind] = useState<PledgeKind>((initial && pledgeKindsForNeed[initial.kind][0]) ?? 'hours');
  const [quantity, setQuantity] = useState('');
  const [period, setPeriod] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const form = useFieldErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setDone(false);
    const amount = kind === 'hours' ? parseDecimal(quantity) : parseEuros(quantity, lang);
    const local = {
      ...(needId ? {} : { needId: t('common.required') }),
      ...(contractId ? {} : { contractId: t('common.required') }),
      ...(period ? {} : { period: t('common.required') }),
      ...(amount === null ? { quantity: t('activity.notANumber') } : {}),
    };
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      await api.post(marketEndpoints.pledge(initiativeId), {
        needId,
        contractId,
        kind,
        period,
        ...(kind === 'hours' ? { hours: amount } : { amountCents: amount }),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDone(true);
      setQuantity('');
      setNote('');
    } catch (error) {
      form.fromApi(error, {
        needId: 'needId',
        kind: 'kind',
        contractId: 'contractId',
        period: 'period',
        hours: 'quantity',
        amountCents: 'quantity',
        note: 'note',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="pledge-form" className="retour-card">
      <Heading level={2} id="pledge-form">
        {t('market.pledgeTitle')}
      </Heading>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      {done ? (
        <Alert type="ok" heading={t('market.pledged')}>
          {t('market.pledgedLead')}
        </Alert>
      ) : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          id="pledge-need"
          label={t('match.pledgeNeed')}
          value={needId}
          onChange={(e) => {
            setNeedId(e.target.value);
            const chosen = open.find((n) => n.id === e.target.value);
            const first = chosen && pledgeKindsForNeed[chosen.kind][0];
            if (first) setKind(first);
          }}
          error={form.errors.needId}
          options={[
            ...(open.length ? [] : [{ value: '', label: t('match.noOpenNeeds') }]),
            ...open.map((n) => ({
              value: n.id,
              label: `${n.quantity === null ? '' : `${number(n.quantity)} `}${tx('market.needKind', n.kind)}${
                n.expertise ? ` ${n.expertise}` : ''
              } — ${n.description}`,
            })),
          ]}
        />
        <SelectField
          id="pledge-contract"
          label={t('market.contract')}
          value={contractId}
          onChange={(e) => {
            setContractId(e.target.value);
            setPeriod('');
          }}
          error={form.errors.contractId}
          options={[
            { value: '', label: t('activity.choose') },
            ...(contracts.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.reference} · ${c.title}`,
            })),
          ]}
        />
        <SelectField
          id="pledge-period"
          label={t('market.period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          error={form.errors.period}
          options={[
            { value: '', label: t('activity.choose') },
            ...periods.map((r) => ({ value: r.period, label: halfYear(r.period) })),
          ]}
        />
        <SelectField
          id="pledge-kind"
          label={t('market.pledgeKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as PledgeKind)}
          error={form.errors.kind}
          options={kinds.map((k) => ({ value: k, label: tx('market.pledgeKindOption', k) }))}
        />
        <TextField
          id="pledge-quantity"
          label={kind === 'hours' ? t('market.hours') : t('market.amount')}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={form.errors.quantity}
        />
        <TextareaField
          id="pledge-note"
          label={t('market.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={form.errors.note}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {t('market.pledgeSubmit')}
        </Button>
      </form>
    </section>
  );
}
