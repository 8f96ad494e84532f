import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/fields.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';

/** One entry of GET /audit-log. */
interface Entry {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
}

/** The append-only audit log of the organisation, newest first, filterable by action. */
export default function AuditPage() {
  const { t, dateTime } = useI18n();
  const [action, setAction] = useState('');
  const [before, setBefore] = useState<string | undefined>(undefined);
  const resource = useResource<{ items: Entry[]; nextBefore?: number }>(
    endpoints.auditLog({ action: action || undefined, before }),
  );
  const rows = resource.data?.items ?? [];
  const next = resource.data?.nextBefore;
  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <div className="retour-toolbar">
        <TextField
          label={t('audit.action')}
          description={t('audit.actionHint')}
          value={action}
          onChange={(e) => setAction(e.target.value)}
        />
      </div>
      <DownloadLinks path="/audit-log" formats={['xlsx', 'csv']} params={{ action: action || undefined }} />
      <ResourceView resource={resource}>
        {() => (
          <>
            <Table
              caption={t('audit.caption')}
              captionHidden
              rows={rows}
              rowKey={(e) => String(e.id)}
              empty={t('audit.none')}
              columns={[
                {
                  key: 'at',
                  header: t('audit.at'),
                  rowHeader: true,
                  cell: (e) => (e.at ? dateTime(e.at) : ''),
                },
                { key: 'who', header: t('audit.actor'), cell: (e) => e.actorLabel },
                { key: 'what', header: t('audit.action'), cell: (e) => <ActionText action={e.action} /> },
                {
                  key: 'obj',
                  header: t('audit.object'),
                  cell: (e) => [e.objectType, e.objectId].filter(Boolean).join(' '),
                },
                { key: 'ip', header: t('audit.ip'), cell: (e) => e.ip ?? '' },
              ]}
            />
            {next ? <Button onClick={() => setBefore(String(next))}>{t('audit.older')}</Button> : null}
          </>
        )}
      </ResourceView>
    </>
  );
}

/** A known action code as text, with the code itself for searching; unknown codes as they are. */
function ActionText({ action }: { action: string }) {
  const { tx } = useI18n();
  const text = tx('auditAction', action);
  return text === action ? (
    <code>{action}</code>
  ) : (
    <>
      {text} <code className="retour-muted">{action}</code>
    </>
  );
}
