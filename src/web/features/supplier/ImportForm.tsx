import { useId, useRef, useState, type FormEvent } from 'react';
import { sendFile, type ApiError } from '../../api.ts';
import { UploadProgress } from '../../ui/ProgressBar.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';

export interface ImportResult {
  rows: number;
  created: number;
  valueCents: number;
  replaced: number;
  items: { row: number; typeCode: string; valueCents: number; explanation: string }[];
  errors: { row: number; column: string; reason: string }[];
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The media type to send: the server checks the content itself; this only says which of the two. */
const typeOf = (file: File) => (file.type === xlsxType || /\.xlsx$/i.test(file.name) ? xlsxType : 'text/csv');

/**
 * Import a half-year's activities, or the plan's items, from the filled-in template (issue 12): download the template,
 * choose the file, check it (a dry run: every row valued, every error by row and column), then
 * import. A refused file changes nothing; a new import replaces the rows of the earlier one.
 */
export function ImportForm({
  contractId,
  period,
  typeName,
  onImported,
}: {
  contractId: string;
  /** The half-year of a report import; without it, the plan is imported. */
  period?: string;
  typeName: (code: string) => string;
  onImported: (message: string) => void;
}) {
  const { t, money } = useI18n();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Upload progress 0..1 of the file being checked or imported (a large file takes a while). */
  const [progress, setProgress] = useState<{ fraction: number; importing: boolean } | null>(null);
  const path = period ? `/contracts/${contractId}/reports/${period}` : `/contracts/${contractId}/plan`;
  const plan = period === undefined;

  async function send(dryRun: boolean) {
    setError(null);
    if (!file) {
      setMissing(true);
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    setProgress({ fraction: 0, importing: !dryRun });
    try {
      const res = await sendFile<ImportResult>(`${path}/imports?dryRun=${dryRun}`, file, typeOf(file), (f) =>
        setProgress({ fraction: f, importing: !dryRun }),
      );
      setChecked(res.body);
      if (!dryRun && res.status === 200) {
        onImported(
          t(plan ? 'rowImport.planDone' : 'rowImport.done', {
            n: res.body.created,
            value: money(res.body.valueCents),
          }),
        );
        setChecked(null);
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
      }
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const check = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };

  const errors = checked?.errors ?? [];
  const canImport = checked !== null && errors.length === 0 && checked.items.length > 0;

  return (
    <section aria-labelledby="import-title" className="retour-card">
      <Heading level={2} id="import-title">
        {t(plan ? 'rowImport.planTitle' : 'rowImport.title')}
      </Heading>
      <Paragraph>{t(plan ? 'rowImport.planLead' : 'rowImport.lead')}</Paragraph>
      <DownloadLinks path={`${path}/template`} formats={['xlsx', 'csv']} label={t('rowImport.template')} />
      {error ? <ErrorAlert error={error} /> : null}
      <form className="retour-form" onSubmit={check} noValidate>
        <div
          className={`utrecht-form-field utrecht-form-field--text retour-form-field${missing ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={inputId}>
              {t('rowImport.file')}
            </label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id={`${inputId}-d`}>
            {t('rowImport.fileHint')}
          </div>
          {missing ? (
            <div
              className="utrecht-form-field__error-message utrecht-form-field-error-message"
              id={`${inputId}-e`}
            >
              {t('common.required')}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              ref={fileInput}
              id={inputId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={missing ? `${inputId}-e ${inputId}-d` : `${inputId}-d`}
              aria-invalid={missing || undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
                setChecked(null);
              }}
            />
          </div>
        </div>
        {progress && file ? (
          <UploadProgress
            fraction={progress.fraction}
            label={t(progress.importing ? 'import.importing' : 'import.checking', { name: file.name })}
          />
        ) : null}
        <ButtonGroup>
          <Button type="submit" busy={busy} disabled={busy}>
            {t('rowImport.check')}
          </Button>
          {canImport ? (
            <Button variant="primary" busy={busy} disabled={busy} onClick={() => void send(false)}>
              {t('rowImport.import')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
      <div aria-live="polite">
        {checked ? (
          <Alert
            type={errors.length ? 'error' : 'info'}
            heading={errors.length ? t('rowImport.refused', { n: errors.length }) : t('rowImport.ready')}
          >
            <p className="utrecht-paragraph" data-testid="import-summary">
              {t('rowImport.summary', {
                rows: checked.rows,
                valid: checked.items.length,
                value: money(checked.valueCents),
              })}
              {checked.replaced ? ` ${t('rowImport.replaces', { n: checked.replaced })}` : ''}
            </p>
          </Alert>
        ) : null}
      </div>
      {checked && errors.length ? (
        <Table
          caption={t('rowImport.errors')}
          rows={errors}
          rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
          columns={[
            {
              key: 'row',
              header: t('rowImport.row'),
              cell: (e) => (e.row === 0 ? t('rowImport.wholeFile') : e.row),
              numeric: true,
              rowHeader: true,
            },
            { key: 'column', header: t('rowImport.column'), cell: (e) => e.column || '—' },
            { key: 'reason', header: t('rowImport.reason'), cell: (e) => e.reason },
          ]}
        />
      ) : null}
      {checked && checked.items.length ? (
        <Table
          caption={t('rowImport.valid')}
          rows={checked.items}
          rowKey={(i) => String(i.row)}
          columns={[
            { key: 'row', header: t('rowImport.row'), cell: (i) => i.row, numeric: true, rowHeader: true },
            { key: 'type', header: t('activity.type'), cell: (i) => typeName(i.typeCode) },
            { key: 'value', header: t('rowImport.value'), cell: (i) => money(i.valueCents), numeric: true },
            { key: 'why', header: t('rowImport.explanation'), cell: (i) => i.explanation },
          ]}
        />
      ) : null}
    </section>
  );
}
