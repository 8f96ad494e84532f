import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Activity, ActivityTypeList, Valuation } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField, TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Heading } from '../../ui/text.tsx';
import { ValuedAmount } from '../contracts/shared.tsx';
import { emptyQuantity, QuantityFields, type QuantityInput } from './QuantityFields.tsx';
import { quantityBody, quantityFieldOf } from './quantity.ts';

/** Report a realised activity for one half-year; the API values it and says how. */
export function ActivityForm({
  contractId,
  period,
  onAdded,
}: {
  contractId: string;
  period: string;
  onAdded: () => void;
}) {
  const { t, lang, halfYear } = useI18n();
  const catalogue = useResource<ActivityTypeList>(endpoints.activityTypes());
  const types = catalogue.data?.items ?? [];
  const [typeCode, setTypeCode] = useState('');
  const [quantity, setQuantity] = useState<QuantityInput>(emptyQuantity);
  const [candidate, setCandidate] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<Valuation | null>(null);
  const form = useFieldErrors();
  const type = types.find((x) => x.code === typeCode);
  const needsCandidate = type?.method === 'fteYear';

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setAdded(null);
    if (!type) {
      form.setLocal({ typeCode: t('common.required') });
      return;
    }
    const { body, errors } = quantityBody(type, quantity, lang, t('activity.notANumber'));
    if (Object.keys(errors).length) {
      form.setLocal(errors);
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<Activity>(endpoints.activities(contractId), {
        typeCode,
        period,
        ...body,
        ...(candidate.trim() ? { candidate: candidate.trim() } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setAdded(res.valuation);
      setQuantity(emptyQuantity);
      setCandidate('');
      setDescription('');
      onAdded();
    } catch (error) {
      form.fromApi(error, {
        typeCode: 'typeCode',
        candidate: 'candidate',
        description: 'description',
        ...quantityFieldOf,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="activity-form" className="retour-card">
      <Heading level={2} id="activity-form">
        {t('activity.addTitle', { period: halfYear(period) })}
      </Heading>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      {added ? (
        <Alert type="ok" heading={t('activity.added')}>
          <ValuedAmount valuation={added} />
        </Alert>
      ) : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          id="activity-type"
          label={t('activity.type')}
          value={typeCode}
          onChange={(e) => setTypeCode(e.target.value)}
          error={form.errors.typeCode}
          options={[
            { value: '', label: t('activity.choose') },
            ...types.map((x) => ({ value: x.code, label: x.name })),
          ]}
        />
        <QuantityFields
          type={type}
          value={quantity}
          onChange={setQuantity}
          errors={form.errors}
          idPrefix="activity"
        />
        {needsCandidate ? (
          <TextField
            id="activity-candidate"
            label={t('activity.candidate')}
            description={t('activity.candidateHint')}
            value={candidate}
            onChange={(e) => setCandidate(e.target.value)}
            error={form.errors.candidate}
            autoComplete="off"
          />
        ) : null}
        <TextareaField
          label={t('activity.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={form.errors.description}
          rows={2}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('activity.add')}
        </Button>
      </form>
    </section>
  );
}
