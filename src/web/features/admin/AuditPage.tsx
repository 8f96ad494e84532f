import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/fields.tsx';
import { isMissingEndpoint, NotAvailable, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  object: string;
  ip: string;
}

type Raw = Record<string, unknown>;
const toEntry = (x: unknown): Entry => {
  const r = (x ?? {}) as Raw;
  const actor = (r.actor ?? {}) as Raw;
  return {
    id: String(r.id ?? ''),
    at: String(r.at ?? r.createdAt ?? ''),
    actor: String(r.actorLabel ?? actor.label ?? actor.email ?? actor.name ?? ''),
    action: String(r.action ?? ''),
    object: [r.objectType, r.objectId].filter(Boolean).join(' '),
    ip: String(r.ip ?? ''),
  };
};

/** The append-only audit log of the organisation, newest first, filterable by action. */
export default function AuditPage() {
  const { t, dateTime } = useI18n();
  const [action, setAction] = useState('');
  const [before, setBefore] = useState<string | undefined>(undefined);
  const resource = useResource<{ items: unknown[]; nextCursor?: string | null }>(
    endpoints.auditLog({ action: action || undefined, before }),
  );
  const rows = (resource.data?.items ?? []).map(toEntry);
  const next = resource.data?.nextCursor;
  // The audit-log API belongs to the identity work and may not be on this server yet.
  if (isMissingEndpoint(resource.error))
    return (
      <>
        <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
        <NotAvailable />
      </>
    );
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
      <ResourceView resource={resource}>
        {() => (
          <>
            <Table
              caption={t('audit.caption')}
              captionHidden
              rows={rows}
              rowKey={(e) => e.id}
              empty={t('audit.none')}
              columns={[
                {
                  key: 'at',
                  header: t('audit.at'),
                  rowHeader: true,
                  cell: (e) => (e.at ? dateTime(e.at) : ''),
                },
                { key: 'who', header: t('audit.actor'), cell: (e) => e.actor },
                { key: 'what', header: t('audit.action'), cell: (e) => <code>{e.action}</code> },
                { key: 'obj', header: t('audit.object'), cell: (e) => e.object },
                { key: 'ip', header: t('audit.ip'), cell: (e) => e.ip },
              ]}
            />
            {typeof next === 'string' && next ? (
              <Button onClick={() => setBefore(next)}>{t('audit.older')}</Button>
            ) : null}
          </>
        )}
      </ResourceView>
    </>
  );
}
