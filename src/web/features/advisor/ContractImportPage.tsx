import { useEffect, useRef, useState } from 'react';
import { ApiError, sendFile } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import { endpoints } from '../../lib/endpoints.ts';
import type { ContractImport } from '../../lib/model.ts';
import { Button, ButtonGroup, ButtonLink } from '../../ui/Button.tsx';
import { UploadProgress } from '../../ui/ProgressBar.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/text.tsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The body's media type by the file's name; the API decides by the content anyway. */
function typeOf(file: File): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'text/csv';
  if (ext === 'xlsx') return xlsxType;
  if (ext === 'json') return 'application/json';
  return file.type || 'application/octet-stream';
}

const columnKeys = new Set([
  'reference',
  'title',
  'supplierKvkNumber',
  'supplierName',
  'value',
  'startDate',
  'endDate',
  'awardDate',
  'kind',
  'contractManagerEmail',
  'maxExtentDate',
]);

/**
 * The advisor's contract import (decision 022): choose a file, check it (a dry run: nothing is
 * saved), see every contract and every error by row and column, then import all at once.
 */
export default function ContractImportPage() {
  const { t, money, date, tx } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [result, setResult] = useState<ContractImport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const columnLabel = (column: string) => {
    if (columnKeys.has(column)) return t(`import.col.${column}` as MessageKey);
    if (column === '' || column === '(body)') return t('import.col.file');
    return <code>{column}</code>;
  };

  async function send(dryRun: boolean) {
    if (!file) {
      setFileError(t('import.chooseFile'));
      input.current?.focus();
      return;
    }
    setFileError(null);
    setError(null);
    setBusy(dryRun ? 'check' : 'import');
    setProgress(0);
    try {
      const res = await sendFile<ContractImport>(
        endpoints.contractImports(dryRun),
        file,
        typeOf(file),
        setProgress,
      );
      setResult(res.body);
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  // the result is what the user waits for: move there once shown, so it is read out and reachable
  useEffect(() => {
    if (result) document.getElementById('import-result')?.focus();
  }, [result]);

  const hasErrors = (result?.errors.length ?? 0) > 0;
  const title = t('import.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t('import.lead')}</Paragraph>
      <Paragraph small>{t('import.columns')}</Paragraph>
      <form
        className="retour-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <div className={`utrecht-form-field${fileError ? ' utrecht-form-field--invalid' : ''}`}>
          <label className="utrecht-form-label" htmlFor="import-file">
            {t('import.file')}
          </label>
          <div className="utrecht-form-field-description" id="import-file-hint">
            {t('import.fileHint')}
          </div>
          {fileError ? (
            <div className="utrecht-form-field-error-message" id="import-file-error">
              {fileError}
            </div>
          ) : null}
          <input
            ref={input}
            id="import-file"
            type="file"
            className="retour-file-input"
            accept=".csv,.xlsx,.json,text/csv,application/json"
            aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={fileError ? true : undefined}
            disabled={busy !== null}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setError(null);
              setFileError(null);
            }}
          />
        </div>
        {progress !== null && file ? (
          <UploadProgress
            fraction={progress}
            label={t(busy === 'import' ? 'import.importing' : 'import.checking', { name: file.name })}
          />
        ) : null}
        <ButtonGroup>
          <Button
            type="submit"
            variant={result && !hasErrors && result.dryRun ? 'secondary' : 'primary'}
            busy={busy === 'check'}
            disabled={busy !== null}
          >
            {t('import.check')}
          </Button>
        </ButtonGroup>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {result ? (
        <section aria-labelledby="import-result" className="retour-card">
          <Heading level={2} id="import-result" tabIndex={-1}>
            {hasErrors
              ? t('import.errorsHeading', { count: result.errors.length })
              : result.dryRun
                ? t('import.ready')
                : t('import.done', { created: result.created, unchanged: result.unchanged })}
          </Heading>
          <Paragraph>
            {t('import.summary', {
              rows: result.rows,
              created: result.created,
              unchanged: result.unchanged,
              value: money(result.valueCents),
              obligation: money(result.obligationCents),
            })}
          </Paragraph>
          {hasErrors ? (
            <>
              <Alert type="error">
                <Paragraph>{t('import.errorsLead')}</Paragraph>
              </Alert>
              <Table
                caption={t('import.errorsCaption')}
                rows={result.errors}
                rowKey={(e) => `${e.row}:${e.column}:${e.reason}`}
                columns={[
                  {
                    key: 'row',
                    header: t('import.row'),
                    rowHeader: true,
                    numeric: true,
                    cell: (e) => e.row || '—',
                  },
                  { key: 'column', header: t('import.column'), cell: (e) => columnLabel(e.column) },
                  {
                    key: 'reason',
                    header: t('import.reason'),
                    cell: (e) => <span className="retour-import-error">{e.reason}</span>,
                  },
                ]}
              />
            </>
          ) : null}
          {result.items.length ? (
            <Table
              caption={t('import.validCaption')}
              rows={result.items}
              rowKey={(i) => String(i.row)}
              columns={[
                { key: 'row', header: t('import.row'), numeric: true, cell: (i) => i.row },
                {
                  key: 'reference',
                  header: t('import.col.reference'),
                  rowHeader: true,
                  cell: (i) => i.reference,
                },
                { key: 'title', header: t('import.col.title'), cell: (i) => i.title },
                { key: 'supplier', header: t('import.col.supplierName'), cell: (i) => i.supplierName },
                {
                  key: 'value',
                  header: t('import.col.value'),
                  numeric: true,
                  cell: (i) => money(i.valueCents),
                },
                {
                  key: 'term',
                  header: t('contracts.term'),
                  cell: (i) => `${date(i.startDate)} – ${date(i.endDate)}`,
                },
                {
                  key: 'obligation',
                  header: t('contract.obligation'),
                  numeric: true,
                  cell: (i) => `${money(i.obligationCents)} (${tx('regime', i.regime)})`,
                },
                {
                  key: 'action',
                  header: t('import.action'),
                  cell: (i) => (
                    <StatusBadge tone={i.action === 'create' ? 'active' : 'neutral'}>
                      {t(`import.action.${i.action}`)}
                    </StatusBadge>
                  ),
                },
              ]}
            />
          ) : null}
          {!hasErrors && result.dryRun && result.created > 0 ? (
            <ButtonGroup>
              <Button
                variant="primary"
                busy={busy === 'import'}
                disabled={busy !== null}
                onClick={() => void send(false)}
              >
                {t('import.run', { count: result.created })}
              </Button>
            </ButtonGroup>
          ) : null}
          {!result.dryRun ? (
            <ButtonGroup>
              <ButtonLink to="/contracts">{t('import.toList')}</ButtonLink>
            </ButtonGroup>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
