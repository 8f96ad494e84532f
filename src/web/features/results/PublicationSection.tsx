import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert, ResourceView } from '../../ui/states.tsx';
import { Link } from '../../ui/Button.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

interface Publication {
  slug: string;
  publishResults: boolean;
}

/** Whether the municipality's results are public; the municipality admin switches it. */
export function PublicationSection({ canSwitch }: { canSwitch: boolean }) {
  const { t } = useI18n();
  const resource = useResource<Publication>(endpoints.publication);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function toggle(next: boolean) {
    setBusy(true);
    setError(null);
    try {
      await api.put(endpoints.publication, { publishResults: next });
      resource.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="publication" className="retour-stack">
      <Heading level={2} id="publication">
        {t('publication.title')}
      </Heading>
      <ResourceView resource={resource}>
        {(p) => (
          <>
            {p.publishResults ? (
              <Paragraph>
                {t('publication.on')}
                <Link to={`/results/${p.slug}`}>{`${location.origin}/results/${p.slug}`}</Link>
              </Paragraph>
            ) : (
              <Paragraph>{t('publication.off')}</Paragraph>
            )}
            {canSwitch ? (
              <Button busy={busy} disabled={busy} onClick={() => void toggle(!p.publishResults)}>
                {t(p.publishResults ? 'publication.switchOff' : 'publication.switchOn')}
              </Button>
            ) : null}
            {error ? <ErrorAlert error={error} /> : null}
          </>
        )}
      </ResourceView>
    </section>
  );
}
