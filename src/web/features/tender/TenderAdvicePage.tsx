import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, query } from '../../api.ts';
import { parseDecimal, parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Explain, Heading, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { MunicipalityField } from '../estimate/MunicipalityField.tsx';
import type { MessageKey } from '../../i18n/nl.ts';

interface Advice {
  tenant: { slug: string; name: string };
  policyVersion: number;
  obligationCents: number;
  regime: 'none' | 'trust' | 'plan';
  percentageBp: number;
  ruleId: string;
  explanation: string;
  suggestions: { form: string; reason: string }[];
  people: { typeCode: string; name: string; fteYears: number; explanation: string }[];
  clauseText: { nl: string; en: string };
}

type Fields = 'tenant' | 'kind' | 'value' | 'startDate' | 'endDate' | 'labourShare' | 'cpv';

/**
 * Tender advice for buyers (staff) and bidders alike: obligation, forms that fit, the obligation in
 * FTE-years and the clause text in Dutch and English, downloadable as Word or PDF.
 */
export default function TenderAdvicePage() {
  const { t, tx, lang, money, percentBp, number } = useI18n();
  const { me } = useSession();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<Fields, string>>({
    tenant: params.get('tenant') ?? me?.tenant?.slug ?? '',
    kind: 'works',
    value: '',
    startDate: '',
    endDate: '',
    labourShare: '',
    cpv: '',
  });
  const [busy, setBusy] = useState(false);
  const [advice, setAdvice] = useState<{ result: Advice; request: Record<string, string> } | null>(null);
  const form = useFieldErrors();
  const set = (k: Fields) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    const cents = parseEuros(values.value, lang);
    const share = values.labourShare.trim() === '' ? undefined : parseDecimal(values.labourShare);
    const local: Partial<Record<Fields, string>> = {};
    if (!values.tenant.trim()) local.tenant = t('common.required');
    if (cents === null) local.value = t('common.invalidAmount');
    if (!values.startDate) local.startDate = t('common.required');
    if (!values.endDate) local.endDate = t('common.required');
    if (share === null || (share !== undefined && (share < 0 || share > 100)))
      local.labourShare = t('tender.invalidPercent');
    if (Object.keys(local).length > 0) {
      form.setLocal(local);
      return;
    }
    const request: Record<string, string> = {
      tenant: values.tenant.trim(),
      kind: values.kind,
      valueCents: String(cents),
      startDate: values.startDate,
      endDate: values.endDate,
      ...(share !== undefined && share !== null ? { labourShareBp: String(Math.round(share * 100)) } : {}),
      ...(values.cpv.trim() ? { cpv: values.cpv.trim() } : {}),
    };
    setBusy(true);
    try {
      const result = await api.post<Advice>(endpoints.tenderAdvice, {
        ...request,
        valueCents: cents,
        ...(request.labourShareBp ? { labourShareBp: Number(request.labourShareBp) } : {}),
      });
      setAdvice({ result, request });
    } catch (error) {
      setAdvice(null);
      if ((error as { status?: number }).status === 404) form.setLocal({ tenant: (error as Error).message });
      else
        form.fromApi(error, {
          tenant: 'tenant',
          kind: 'kind',
          valueCents: 'value',
          startDate: 'startDate',
          endDate: 'endDate',
          labourShareBp: 'labourShare',
          cpv: 'cpv',
        });
    } finally {
      setBusy(false);
    }
  }

  const ids: Record<Fields, string> = {
    tenant: 'tender-tenant',
    kind: 'tender-kind',
    value: 'tender-value',
    startDate: 'tender-start',
    endDate: 'tender-end',
    labourShare: 'tender-labour',
    cpv: 'tender-cpv',
  };
  const summary = (Object.keys(ids) as Fields[])
    .map((k) => ({ fieldId: ids[k], message: form.errors[k] }))
    .filter((x): x is { fieldId: string; message: string } => Boolean(x.message));

  return (
    <>
      <PageTitle title={t('tender.title')}>{t('tender.title')}</PageTitle>
      <Paragraph lead>{t('tender.lead')}</Paragraph>
      <ErrorSummary heading={t('common.formErrors')} errors={summary} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <MunicipalityField
          id={ids.tenant}
          value={values.tenant}
          onChange={(slug) => set('tenant')({ target: { value: slug } })}
          error={form.errors.tenant}
        />
        <SelectField
          id={ids.kind}
          label={t('tender.kind')}
          value={values.kind}
          onChange={set('kind')}
          error={form.errors.kind}
          options={(['works', 'services', 'supplies'] as const).map((k) => ({
            value: k,
            label: t(`tender.kind.${k}`),
          }))}
        />
        <TextField
          id={ids.value}
          label={t('estimate.value')}
          description={t('common.euroHint')}
          value={values.value}
          onChange={set('value')}
          error={form.errors.value}
          inputMode="decimal"
          required
        />
        <TextField
          id={ids.startDate}
          type="date"
          label={t('tender.startDate')}
          value={values.startDate}
          onChange={set('startDate')}
          error={form.errors.startDate}
          required
        />
        <TextField
          id={ids.endDate}
          type="date"
          label={t('tender.endDate')}
          value={values.endDate}
          onChange={set('endDate')}
          error={form.errors.endDate}
          required
        />
        <TextField
          id={ids.labourShare}
          label={t('tender.labourShare')}
          description={t('tender.labourShareHint')}
          value={values.labourShare}
          onChange={set('labourShare')}
          error={form.errors.labourShare}
          inputMode="decimal"
        />
        <TextField
          id={ids.cpv}
          label={t('tender.cpv')}
          description={t('tender.cpvHint')}
          value={values.cpv}
          onChange={set('cpv')}
          error={form.errors.cpv}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('tender.submit')}
        </Button>
      </form>
      <div aria-live="polite">
        {advice ? (
          <section aria-labelledby="tender-result">
            <Heading level={2} id="tender-result">
              {t('tender.result')}
            </Heading>
            <DataList
              items={[
                {
                  key: t('estimate.obligation'),
                  value: <span data-testid="tender-obligation">{money(advice.result.obligationCents)}</span>,
                },
                { key: t('estimate.regime'), value: tx('regime', advice.result.regime) },
                { key: t('tender.percentage'), value: percentBp(advice.result.percentageBp) },
                {
                  key: t('estimate.policyVersion'),
                  value: t('estimate.policyVersionValue', {
                    version: advice.result.policyVersion,
                    tenant: advice.result.tenant.name,
                  }),
                },
              ]}
            />
            <Explain summary={t('common.explain')}>
              <Paragraph>{advice.result.explanation}</Paragraph>
              <Paragraph small>
                {t('common.rule')}: <code>{advice.result.ruleId}</code>
              </Paragraph>
            </Explain>
            <Table
              caption={t('tender.suggestions')}
              rows={advice.result.suggestions}
              rowKey={(s) => s.form}
              empty={t('tender.noSuggestions')}
              columns={[
                {
                  key: 'form',
                  header: t('tender.form'),
                  rowHeader: true,
                  cell: (s) => t(`tender.form.${s.form}` as MessageKey),
                },
                { key: 'reason', header: t('tender.reason'), cell: (s) => s.reason },
              ]}
            />
            {advice.result.people.length > 0 ? (
              <Table
                caption={t('tender.people')}
                rows={advice.result.people}
                rowKey={(p) => p.typeCode}
                columns={[
                  {
                    key: 'name',
                    header: t('estimate.exampleActivity'),
                    rowHeader: true,
                    cell: (p) => p.name,
                  },
                  {
                    key: 'fte',
                    header: t('tender.fteYears'),
                    numeric: true,
                    cell: (p) => number(p.fteYears),
                  },
                  { key: 'how', header: t('tender.reason'), cell: (p) => p.explanation },
                ]}
              />
            ) : null}
            <Heading level={2} id="tender-clause">
              {t('tender.clause')}
            </Heading>
            {(['nl', 'en'] as const).map((l) => (
              <section key={l} aria-labelledby={`tender-clause-${l}`}>
                <Heading level={3} id={`tender-clause-${l}`}>
                  {t(l === 'nl' ? 'tender.clauseNl' : 'tender.clauseEn')}
                </Heading>
                <blockquote className="retour-clause" lang={l} data-testid={`tender-clause-${l}`}>
                  {advice.result.clauseText[l]}
                </blockquote>
              </section>
            ))}
            <Heading level={3} id="tender-download">
              {t('tender.download')}
            </Heading>
            <ul>
              {(['nl', 'en'] as const).flatMap((l) =>
                (['docx', 'pdf'] as const).map((format) => (
                  <li key={`${l}-${format}`}>
                    <a
                      className="utrecht-link"
                      href={`/api/v1${endpoints.tenderClause}${query({ ...advice.request, format, lang: l })}`}
                      download
                    >
                      {t(format === 'docx' ? 'tender.downloadDocx' : 'tender.downloadPdf', {
                        language: t(l === 'nl' ? 'tender.clauseNl' : 'tender.clauseEn'),
                      })}
                    </a>
                  </li>
                )),
              )}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
