import { query } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

type Format = 'csv' | 'xlsx' | 'pdf';

/**
 * Download links of a screen's data as files (issue 11): plain links, so they are reachable and
 * usable by keyboard and open in the browser's own download; the UI language goes along as `lang`
 * (a link cannot send Accept-Language). `path` is an API path relative to /api/v1.
 */
export function DownloadLinks({
  path,
  formats,
  params = {},
  label,
}: {
  path: string;
  formats: readonly Format[];
  params?: Record<string, string | undefined>;
  label?: string;
}) {
  const { t, lang } = useI18n();
  const name = label ?? t('download.label');
  return (
    <nav className="retour-downloads retour-no-print" aria-label={name}>
      <span className="retour-muted">{name}:</span>
      <ul>
        {formats.map((format) => (
          <li key={format}>
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`/api/v1${path}${query({ ...params, format, lang })}`}
              download
            >
              {t(`download.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
