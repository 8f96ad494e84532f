import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Activity, ActivityTypeList, Valuation } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { parseDecimal } from '../../format.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { SelectField, TextField, TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Heading } from '../../ui/text.tsx';
import { ValuedAmount } from '../contracts/shared.tsx';
import { emptyQuantity, QuantityFields, type QuantityInput } from './QuantityFields.tsx';
import { quantityBody, quantityFieldOf } from './quantity.ts';
import { emptyTargetGroup, TargetGroupFields, type TargetGroupInput } from './TargetGroupFields.tsx';

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
  const { t, lang, halfYear, money } = useI18n();
  const catalogue = useResource<ActivityTypeList>(endpoints.activityTypes());
  const types = catalogue.data?.items ?? [];
  const [typeCode, setTypeCode] = useState('');
  const [quantity, setQuantity] = useState<QuantityInput>(emptyQuantity);
  const [candidate, setCandidate] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [group, setGroup] = useState<TargetGroupInput>(emptyTargetGroup);
  const [added, setAdded] = useState<Valuation | null>(null);
  const [preview, setPreview] = useState<Valuation | null>(null);
  const form = useFieldErrors();
  const type = types.find((x) => x.code === typeCode);
  const byGroup = type?.method === 'targetGroupYear';
  const needsCandidate = type?.method === 'fteYear' || byGroup;

  /** The request body, or null after showing the local errors. */
  function bodyOf(): Record<string, unknown> | null {
    if (!type) {
      form.setLocal({ typeCode: t('common.required') });
      return null;
    }
    const { body, errors } = quantityBody(type, quantity, lang, t('activity.notANumber'));
    let hoursPerWeek: number | null = null;
    if (byGroup) {
      hoursPerWeek = parseDecimal(group.hoursPerWeek);
      if (hoursPerWeek === null) errors.hoursPerWeek = t('activity.notANumber');
      if (!group.targetGroup) errors.targetGroup = t('common.required');
    }
    if (Object.keys(errors).length) {
      form.setLocal(errors);
      return null;
    }
    return {
      typeCode,
      period,
      ...body,
      ...(byGroup
        ? {
            targetGroup: group.targetGroup,
            hoursPerWeek,
            ...(group.bonuses.length ? { bonuses: group.bonuses } : {}),
          }
        : {}),
      ...(candidate.trim() ? { candidate: candidate.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    };
  }

  const fieldOf = {
    typeCode: 'typeCode',
    candidate: 'candidate',
    description: 'description',
    targetGroup: 'targetGroup',
    hoursPerWeek: 'hoursPerWeek',
    bonuses: 'bonuses',
    ...quantityFieldOf,
  };

  async function calculate() {
    form.clear();
    setPreview(null);
    const body = bodyOf();
    if (!body) return;
    setBusy(true);
    try {
      setPreview(await api.post<Valuation>(endpoints.valuations(contractId), body));
    } catch (error) {
      form.fromApi(error, fieldOf);
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setAdded(null);
    setPreview(null);
    const body = bodyOf();
    if (!body) return;
    setBusy(true);
    try {
      const res = await api.post<Activity>(endpoints.activities(contractId), body);
      setAdded(res.valuation);
      setQuantity(emptyQuantity);
      setGroup(emptyTargetGroup);
      setCandidate('');
      setDescription('');
      onAdded();
    } catch (error) {
      form.fromApi(error, fieldOf);
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
          onChange={(e) => {
            setTypeCode(e.target.value);
            setPreview(null);
          }}
          error={form.errors.typeCode}
          options={[
            { value: '', label: t('activity.choose') },
            ...types.map((x) => ({ value: x.code, label: x.name })),
          ]}
        />
        {byGroup && catalogue.data ? (
          <TargetGroupFields
            data={catalogue.data}
            value={group}
            onChange={(next) => {
              setGroup(next);
              setPreview(null);
            }}
            errors={form.errors}
            idPrefix="activity"
          />
        ) : null}
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
        {byGroup ? (
          <div aria-live="polite">
            {preview ? (
              <Alert type="info" heading={t('tg.previewTitle')}>
                <p className="utrecht-paragraph" data-testid="activity-preview">
                  <strong>{money(preview.valueCents)}</strong>: {preview.explanation}
                </p>
              </Alert>
            ) : null}
          </div>
        ) : null}
        <ButtonGroup>
          {byGroup ? (
            <Button type="button" busy={busy} disabled={busy} onClick={() => void calculate()}>
              {t('tg.preview')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('activity.add')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
