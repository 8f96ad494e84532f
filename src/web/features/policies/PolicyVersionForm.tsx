import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, TextField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';
import type { PolicyVersion } from '../../lib/model.ts';

const centsToText = (c: number | undefined, lang: 'nl' | 'en') =>
  typeof c === 'number'
    ? (c / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })
    : '';
const bpToText = (bp: number | undefined, lang: 'nl' | 'en') =>
  typeof bp === 'number'
    ? (bp / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })
    : '';
const textToBp = (s: string) => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() === '' || Number.isNaN(n) ? null : Math.round(n * 100);
};

/**
 * A new policy version, starting from the newest one: date, percentage, thresholds and the catalogue's
 * rates. The API validates the whole version; its reasons appear by the fields.
 */
export function PolicyVersionForm({ base, onSaved }: { base: PolicyVersion; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const p = base.policy;
  const types = p.activityTypes;
  const [validFrom, setValidFrom] = useState('');
  const [percentage, setPercentage] = useState(bpToText(p.percentageBp, lang));
  const [threshold, setThreshold] = useState(centsToText(p.planThresholdCents, lang));
  const [rates, setRates] = useState<string[]>(() =>
    types.map((x) =>
      typeof x.rateCents === 'number' ? centsToText(x.rateCents, lang) : bpToText(x.shareBp, lang),
    ),
  );
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useFieldErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    const local: Record<string, string> = {};
    if (!validFrom) local.validFrom = t('common.required');
    const bp = textToBp(percentage);
    if (bp === null) local.percentage = t('activity.notANumber');
    const cents = parseEuros(threshold, lang);
    if (cents === null) local.threshold = t('common.invalidAmount');
    const activityTypes = types.map((x, i) => {
      const usesRate = typeof x.rateCents === 'number';
      const v = usesRate ? parseEuros(rates[i] ?? '', lang) : textToBp(rates[i] ?? '');
      if (v === null) local[`rate-${i}`] = t('activity.notANumber');
      return usesRate ? { ...x, rateCents: v } : { ...x, shareBp: v };
    });
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<{ version: number }>(endpoints.policies, {
        ...p,
        validFrom,
        percentageBp: bp,
        planThresholdCents: cents,
        activityTypes,
      });
      setSaved(res.version);
      onSaved();
    } catch (error) {
      form.fromApi(error, {
        validFrom: 'validFrom',
        percentageBp: 'percentage',
        planThresholdCents: 'threshold',
        ...Object.fromEntries(types.flatMap((_, i) => [[`activityTypes.${i}`, `rate-${i}`]])),
      });
    } finally {
      setBusy(false);
    }
  }

  const summary = Object.entries(form.errors)
    .filter(([, m]) => m)
    .map(([k, m]) => ({ fieldId: `policy-${k}`, message: m ?? '' }));

  return (
    <section aria-labelledby="policy-new" className="retour-card">
      <Heading level={2} id="policy-new">
        {t('policy.newTitle')}
      </Heading>
      <Paragraph>{t('policy.newLead')}</Paragraph>
      {saved !== null ? <Alert type="ok">{t('policy.saved', { version: saved })}</Alert> : null}
      <ErrorSummary heading={t('common.formErrors')} errors={summary} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="retour-form">
          <TextField
            id="policy-validFrom"
            type="date"
            label={t('policy.validFrom')}
            value={validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
            error={form.errors.validFrom}
            required
          />
          <TextField
            id="policy-percentage"
            label={t('policy.percentageInput')}
            value={percentage}
            onChange={(e) => setPercentage(e.target.value)}
            error={form.errors.percentage}
            inputMode="decimal"
          />
          <TextField
            id="policy-threshold"
            label={t('policy.planThreshold')}
            description={t('common.euroHint')}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            error={form.errors.threshold}
            inputMode="decimal"
          />
        </div>
        <Table
          caption={t('policy.catalogueRates')}
          rows={types.map((x, i) => ({ x, i }))}
          rowKey={(r) => String(r.x.code)}
          columns={[
            { key: 'n', header: t('activity.type'), rowHeader: true, cell: (r) => String(r.x.name) },
            {
              key: 'r',
              header: t('policy.rateHeader'),
              cell: (r) => (
                <TextField
                  id={`policy-rate-${r.i}`}
                  label={
                    typeof r.x.rateCents === 'number'
                      ? t('policy.rateInput', { name: String(r.x.name) })
                      : t('policy.shareInput', { name: String(r.x.name) })
                  }
                  value={rates[r.i] ?? ''}
                  onChange={(e) => setRates((all) => all.map((v, j) => (j === r.i ? e.target.value : v)))}
                  error={form.errors[`rate-${r.i}`]}
                  inputMode="decimal"
                />
              ),
            },
          ]}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('policy.save')}
        </Button>
      </form>
    </section>
  );
}
