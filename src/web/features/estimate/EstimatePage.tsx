import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { Link } from '../../ui/Button.tsx';
import { useSession } from '../session/session.tsx';
import { EstimateResult, type Estimate } from './EstimateResult.tsx';
import { MunicipalityField } from './MunicipalityField.tsx';

const lastTenantKey = 'retour.estimate.tenant';

function rememberedTenant(): string {
  try {
    return localStorage.getItem(lastTenantKey) ?? '';
  } catch {
    return '';
  }
}

/** Public calculator for bidders: contract value → obligation, regime, explanation and examples. */
export default function EstimatePage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [params] = useSearchParams();
  const [tenant, setTenant] = useState(() => params.get('tenant') ?? me?.tenant?.slug ?? rememberedTenant());
  const [value, setValue] = useState('');
  const [awardDate, setAwardDate] = useState('');
  const [kind, setKind] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Estimate | null>(null);
  const form = useFieldErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    const cents = parseEuros(value, lang);
    const local: Record<string, string | undefined> = {};
    if (!tenant.trim()) local.tenant = t('common.required');
    if (cents === null) local.value = t('common.invalidAmount');
    if (local.tenant || local.value) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      const body = {
        tenant: tenant.trim(),
        contractValueCents: cents,
        ...(awardDate ? { awardDate } : {}),
        ...(kind ? { kind } : {}),
      };
      setResult(await api.post<Estimate>('/estimates', body));
      try {
        localStorage.setItem(lastTenantKey, tenant.trim());
      } catch {
        // not remembered
      }
    } catch (error) {
      setResult(null);
      const e404 = (error as { status?: number }).status === 404;
      if (e404) form.setLocal({ tenant: (error as Error).message });
      else
        form.fromApi(error, {
          tenant: 'tenant',
          contractValueCents: 'value',
          awardDate: 'awardDate',
          kind: 'kind',
        });
    } finally {
      setBusy(false);
    }
  }

  const summary = [
    { fieldId: 'estimate-tenant', message: form.errors.tenant },
    { fieldId: 'estimate-value', message: form.errors.value },
    { fieldId: 'estimate-award-date', message: form.errors.awardDate },
    { fieldId: 'estimate-kind', message: form.errors.kind },
  ].filter((x): x is { fieldId: string; message: string } => Boolean(x.message));

  return (
    <>
      <PageTitle title={t('estimate.title')}>{t('estimate.title')}</PageTitle>
      <Paragraph lead>{t('estimate.lead')}</Paragraph>
      <ErrorSummary heading={t('common.formErrors')} errors={summary} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <MunicipalityField
          id="estimate-tenant"
          value={tenant}
          onChange={setTenant}
          error={form.errors.tenant}
        />
        <TextField
          id="estimate-value"
          label={t('estimate.value')}
          description={t('common.euroHint')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={form.errors.value}
          inputMode="decimal"
          required
        />
        <TextField
          id="estimate-award-date"
          type="date"
          label={t('estimate.awardDate')}
          description={t('estimate.awardDateHint')}
          value={awardDate}
          onChange={(e) => setAwardDate(e.target.value)}
          error={form.errors.awardDate}
        />
        <SelectField
          id="estimate-kind"
          label={t('estimate.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          error={form.errors.kind}
          options={[
            { value: '', label: t('estimate.kind.any') },
            { value: 'works', label: t('estimate.kind.works') },
            { value: 'servicesAndSupplies', label: t('estimate.kind.servicesAndSupplies') },
          ]}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('estimate.submit')}
        </Button>
      </form>
      <div aria-live="polite">{result ? <EstimateResult estimate={result} /> : null}</div>
      <Paragraph>
        <Link to={`/tender-advice${tenant.trim() ? `?tenant=${encodeURIComponent(tenant.trim())}` : ''}`}>
          {t('tender.fromEstimate')}
        </Link>
      </Paragraph>
    </>
  );
}
