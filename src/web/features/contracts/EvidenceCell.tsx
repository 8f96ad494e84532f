import { useRef, useState } from 'react';
import { api, upload, type ApiError } from '../../api.ts';
import { formatBytes } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Activity, EvidenceFile, List } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { UploadProgress } from '../../ui/ProgressBar.tsx';
import { useErrorText } from '../../ui/states.tsx';

/**
 * Evidence links of an activity; an upload with progress while its report is open (or when the advisor
 * asked for more information), and removing a file (after confirming) while the report is open.
 */
export function EvidenceCell({
  activity,
  name,
  canUpload,
  canDelete,
  onChanged,
}: {
  activity: Activity;
  name: string;
  canUpload: boolean;
  canDelete: boolean;
  /** After an upload or removal: the report reloads, so its evidence warnings are current. */
  onChanged?: () => void;
}) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const list = useResource<List<EvidenceFile>>(endpoints.evidence(activity.id));
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<EvidenceFile[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const inputId = `evidence-${activity.id}`;

  async function send(file: File) {
    setError(null);
    setProgress(0);
    const form = new FormData();
    form.append('file', file);
    try {
      const stored = await upload<EvidenceFile>(endpoints.evidence(activity.id), form, setProgress);
      setAdded((a) => [...a, stored]);
      setStatus(t('evidence.uploaded', { file: stored.filename }));
      if (input.current) input.current.value = '';
      onChanged?.();
    } catch (e) {
      setError(errorText(e as ApiError));
    } finally {
      setProgress(null);
    }
  }

  async function remove(file: EvidenceFile) {
    setError(null);
    try {
      await api.delete(endpoints.evidenceItem(file.id));
      setRemoved((r) => [...r, file.id]);
      setStatus(t('evidence.deleted', { file: file.filename }));
      onChanged?.();
      // The list item (and its button) is gone: put the focus on what stays, the upload field.
      input.current?.focus();
    } catch (e) {
      setError(errorText(e as ApiError));
    }
  }

  const files = list.data?.items ?? [];
  const all = [...files, ...added.filter((a) => !files.some((f) => f.id === a.id))].filter(
    (f) => !removed.includes(f.id),
  );
  return (
    <div className="retour-evidence">
      {all.length > 0 ? (
        <ul className="utrecht-unordered-list retour-evidence__list">
          {all.map((f) => (
            <li key={f.id} className="utrecht-unordered-list__item">
              <a
                className="utrecht-link utrecht-link--html-a"
                href={endpoints.evidenceFile(f.id)}
                download={f.filename}
              >
                {f.filename}
              </a>{' '}
              <span className="retour-muted">({formatBytes(f.sizeBytes, lang)})</span>
              {canDelete ? (
                <ConfirmButton
                  label={t('evidence.delete')}
                  ariaLabel={t('evidence.deleteLabel', { file: f.filename })}
                  question={t('evidence.deleteQuestion', { file: f.filename })}
                  confirmLabel={t('evidence.deleteConfirm')}
                  onConfirm={() => remove(f)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <span>{t('evidence.none')}</span>
      )}
      <span className="retour-visually-hidden" role="status">
        {status}
      </span>
      {canUpload ? (
        <div className="retour-form-field">
          <label className="utrecht-form-label" htmlFor={inputId}>
            {t('evidence.add', { name })}
          </label>
          {error ? (
            <div className="utrecht-form-field-error-message" id={`${inputId}-error`}>
              {error}
            </div>
          ) : null}
          <input
            ref={input}
            id={inputId}
            type="file"
            className="retour-file-input"
            aria-describedby={error ? `${inputId}-error` : undefined}
            aria-invalid={error ? true : undefined}
            accept="application/pdf,image/png,image/jpeg"
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          {progress !== null ? (
            <UploadProgress fraction={progress} label={t('evidence.uploading', { name })} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
