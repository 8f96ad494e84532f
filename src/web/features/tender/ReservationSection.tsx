import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseDecimal } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Heading, Paragraph } from '../../ui/text.tsx';

export interface ReservationView {
  contractId: string;
  basis: 'pso30plus' | 'targetGroupShare';
  shareBp?: number;
  reference: string;
  validFrom: string;
  validTo: string;
  validToday: boolean;
}

/** How a condition reads: basis, share, reference, validity (and whether it holds today). */
function useConditionText() {
  const { t, date, percentBp } = useI18n();
  return {
    basis: (r: ReservationView) =>
      r.basis === 'pso30plus'
        ? t('reservation.basis.pso30plus')
        : `${t('reservation.basis.targetGroupShare')}: ${percentBp(r.shareBp ?? 0)}`,
    validity: (r: ReservationView) =>
      `${date(r.validFrom)} – ${date(r.validTo)} (${t(r.validToday ? 'reservation.valid' : 'reservation.notValid')})`,
  };
}

/** A reserved contract's eligibility condition; the advisor records, changes or removes it. */
export function ReservationSection({ contractId, canEdit }: { contractId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const text = useConditionText();
  const resource = useResource<{ reservation: ReservationView | null }>(endpoints.reservation(contractId));
  return (
    <section aria-labelledby="contract-reservation" className="retour-stack">
      <Heading level={2} id="contract-reservation">
        {t('reservation.title')}
      </Heading>
      <ResourceView resource={resource}>
        {({ reservation: r }) => (
          <>
            {r ? (
              <DataList
                items={[
                  { key: t('reservation.condition'), value: text.basis(r) },
                  { key: t('reservation.reference'), value: r.reference || '—' },
                  { key: t('reservation.validity'), value: text.validity(r) },
                ]}
              />
            ) : (
              <Paragraph>{t('reservation.none')}</Paragraph>
            )}
            {canEdit ? (
              <ReservationForm contractId={contractId} current={r} onSaved={resource.reload} />
            ) : null}
          </>
        )}
      </ResourceView>
    </section>
  );
}

function ReservationForm({
  contractId,
  current,
  onSaved,
}: {
  contractId: string;
  current: ReservationView | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [basis, setBasis] = useState<string>(current?.basis ?? 'pso30plus');
  const [share, setShare] = useState(current?.shareBp === undefined ? '' : String(current.shareBp / 100));
  const [reference, setReference] = useState(current?.reference ?? '');
  const [validFrom, setValidFrom] = useState(current?.validFrom ?? '');
  const [validTo, setValidTo] = useState(current?.validTo ?? '');
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors();

  async function save(e: FormEvent) {
    e.preventDefault();
    form.clear();
    const pct = share.trim() === '' ? undefined : parseDecimal(share);
    if (pct === null) {
      form.setLocal({ shareBp: t('tender.invalidPercent') });
      return;
    }
    setBusy(true);
    try {
      await api.put(endpoints.reservation(contractId), {
        basis,
        ...(pct !== undefined ? { shareBp: Math.round(pct * 100) } : {}),
        reference,
        validFrom,
        validTo,
      });
      onSaved();
    } catch (error) {
      form.fromApi(error, {});
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await api.delete(endpoints.reservation(contractId));
      onSaved();
    } catch (error) {
      form.fromApi(error, {});
    } finally {
      setBusy(false);
    }
  }

  const ids = {
    basis: 'res-basis',
    shareBp: 'res-share',
    reference: 'res-ref',
    validFrom: 'res-from',
    validTo: 'res-to',
  };
  const summary = (Object.keys(ids) as (keyof typeof ids)[])
    .map((k) => ({ fieldId: ids[k], message: form.errors[k] }))
    .filter((x): x is { fieldId: string; message: string } => Boolean(x.message));
  return (
    <form className="retour-form" onSubmit={(e) => void save(e)} noValidate>
      <ErrorSummary heading={t('common.formErrors')} errors={summary} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <SelectField
        id={ids.basis}
        label={t('reservation.condition')}
        value={basis}
        onChange={(e) => setBasis(e.target.value)}
        error={form.errors.basis}
        options={[
          { value: 'pso30plus', label: t('reservation.basis.pso30plus') },
          { value: 'targetGroupShare', label: t('reservation.basis.targetGroupShare') },
        ]}
      />
      <TextField
        id={ids.shareBp}
        label={t('reservation.share')}
        description={t('reservation.shareHint')}
        value={share}
        onChange={(e) => setShare(e.target.value)}
        error={form.errors.shareBp}
        inputMode="decimal"
      />
      <TextField
        id={ids.reference}
        label={t('reservation.reference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        error={form.errors.reference}
      />
      <TextField
        id={ids.validFrom}
        type="date"
        label={t('reservation.validFrom')}
        value={validFrom}
        onChange={(e) => setValidFrom(e.target.value)}
        error={form.errors.validFrom}
        required
      />
      <TextField
        id={ids.validTo}
        type="date"
        label={t('reservation.validTo')}
        value={validTo}
        onChange={(e) => setValidTo(e.target.value)}
        error={form.errors.validTo}
        required
      />
      <Button type="submit" variant="primary" busy={busy} disabled={busy}>
        {t('reservation.save')}
      </Button>
      {current ? (
        <Button type="button" disabled={busy} onClick={() => void remove()}>
          {t('reservation.remove')}
        </Button>
      ) : null}
    </form>
  );
}

/** The supplier's eligibility conditions on its reserved contracts (its profile). */
export function EligibilitySection({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const text = useConditionText();
  const resource = useResource<{
    items: (ReservationView & { contractReference: string; contractTitle: string })[];
  }>(endpoints.eligibility(supplierId));
  return (
    <ResourceView resource={resource}>
      {({ items }) =>
        items.length === 0 ? null : (
          <Table
            caption={t('reservation.profile')}
            rows={items}
            rowKey={(r) => r.contractId}
            columns={[
              {
                key: 'c',
                header: t('reservation.contract'),
                rowHeader: true,
                cell: (r) => `${r.contractReference} ${r.contractTitle}`,
              },
              { key: 'b', header: t('reservation.condition'), cell: (r) => text.basis(r) },
              { key: 'v', header: t('reservation.validity'), cell: (r) => text.validity(r) },
            ]}
          />
        )
      }
    </ResourceView>
  );
}
