import { useState } from 'react';
import { api, type ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { ErrorAlert, Notice } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

interface Verifier {
  userId: string;
  name: string;
  email: string;
}
interface Verifiers {
  items: (Verifier & { assignedAt: string })[];
  available: Verifier[];
}

/**
 * Independent verifiers of a contract (issue 16): the advisor or admin assigns one of the
 * municipality's verifiers, who then reads this contract and decides on its activities. A
 * municipality without verifiers does not see this section.
 */
export function VerifierSection({ contractId }: { contractId: string }) {
  const { t, date } = useI18n();
  const resource = useResource<Verifiers>(endpoints.contractVerifiers(contractId));
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = resource.data;
  if (!data || (data.items.length === 0 && data.available.length === 0)) return null;
  const label = (v: Verifier) => (v.name ? `${v.name} (${v.email})` : v.email);

  async function act(run: () => Promise<string>) {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      setNotice(await run());
      resource.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="contract-verifiers" className="retour-card">
      <Heading level={2} id="contract-verifiers">
        {t('verifiers.title')}
      </Heading>
      <Paragraph>{t('verifiers.explain')}</Paragraph>
      {notice ? <Notice message={notice} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Table
        caption={t('verifiers.title')}
        captionHidden
        rows={data.items}
        rowKey={(v) => v.userId}
        empty={t('verifiers.none')}
        columns={[
          { key: 'n', header: t('users.name'), rowHeader: true, cell: (v) => label(v) },
          { key: 'd', header: t('verifiers.since'), cell: (v) => date(v.assignedAt.slice(0, 10)) },
          {
            key: 'a',
            header: t('users.manage'),
            cell: (v) => (
              <ConfirmButton
                label={t('verifiers.remove')}
                ariaLabel={t('verifiers.removeLabel', { name: label(v) })}
                question={t('verifiers.removeQuestion', { name: label(v) })}
                confirmLabel={t('verifiers.removeConfirm')}
                onConfirm={() =>
                  act(async () => {
                    await api.delete(endpoints.contractVerifier(contractId, v.userId));
                    return t('verifiers.removed', { name: label(v) });
                  })
                }
              />
            ),
          },
        ]}
      />
      {data.available.length > 0 ? (
        <form
          className="retour-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            const who = data.available.find((v) => v.userId === chosen);
            void act(async () => {
              await api.post(endpoints.contractVerifiers(contractId), { userId: chosen });
              setChosen('');
              return t('verifiers.assigned', { name: who ? label(who) : '' });
            });
          }}
        >
          <SelectField
            id="verifier-choice"
            label={t('verifiers.choose')}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            options={[
              { value: '', label: t('activity.choose') },
              ...data.available.map((v) => ({ value: v.userId, label: label(v) })),
            ]}
          />
          <Button type="submit" busy={busy} disabled={busy || !chosen}>
            {t('verifiers.assign')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
