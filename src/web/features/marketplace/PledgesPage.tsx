import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { ErrorAlert, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { StatusBadge } from '../../ui/text.tsx';
import { marketEndpoints, statusTone, type Pledge } from './model.ts';

/** Pledges: the initiative confirms what was delivered or declines; others see their own list. */
export default function PledgesPage({ decide = false }: { decide?: boolean }) {
  const { t, tx, money, number, halfYear } = useI18n();
  const list = useResource<{ items: Pledge[] }>(marketEndpoints.pledges());
  const [busy, setBusy] = useState<string | null>(null);
  const form = useFieldErrors();

  async function answer(p: Pledge, decision: 'confirmed' | 'declined') {
    form.clear();
    setBusy(p.id);
    try {
      await api.post(marketEndpoints.confirmation(p.id), { decision });
      list.reload();
    } catch (error) {
      form.fromApi(error);
    } finally {
      setBusy(null);
    }
  }

  const quantity = (p: Pledge) => {
    const hours = p.deliveredHours ?? p.hours;
    const cents = p.deliveredAmountCents ?? p.amountCents;
    return p.kind === 'hours' ? `${number(hours ?? 0)} ${t('market.hoursUnit')}` : money(cents ?? 0);
  };

  return (
    <>
      <PageTitle title={t('market.pledgesTitle')}>{t('market.pledgesTitle')}</PageTitle>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <ResourceView resource={list}>
        {(data) => (
          <Table
            caption={t('market.pledgesTitle')}
            captionHidden
            rows={data.items}
            rowKey={(p) => p.id}
            empty={t('market.noPledges')}
            columns={[
              {
                key: 'who',
                header: t('market.supplier'),
                rowHeader: true,
                cell: (p) => `${p.supplierName} (${p.contractReference})`,
              },
              { key: 'to', header: t('market.initiative'), cell: (p) => p.initiativeName },
              { key: 'need', header: t('match.need'), cell: (p) => p.needDescription ?? '—' },
              {
                key: 'kind',
                header: t('market.pledgeKind'),
                cell: (p) => tx('market.pledgeKindOption', p.kind),
              },
              { key: 'quantity', header: t('market.quantity'), numeric: true, cell: quantity },
              { key: 'period', header: t('market.period'), cell: (p) => halfYear(p.period) },
              { key: 'note', header: t('market.note'), cell: (p) => p.note },
              {
                key: 'status',
                header: t('market.statusLabel'),
                cell: (p) =>
                  decide && p.status === 'open' ? (
                    <ButtonGroup>
                      <Button
                        variant="primary"
                        busy={busy === p.id}
                        onClick={() => void answer(p, 'confirmed')}
                        aria-label={t('market.confirmLabel', {
                          supplier: p.supplierName,
                          quantity: quantity(p),
                        })}
                      >
                        {t('market.confirm')}
                      </Button>
                      <Button
                        busy={busy === p.id}
                        onClick={() => void answer(p, 'declined')}
                        aria-label={t('market.declineLabel', {
                          supplier: p.supplierName,
                          quantity: quantity(p),
                        })}
                      >
                        {t('market.decline')}
                      </Button>
                    </ButtonGroup>
                  ) : (
                    <StatusBadge tone={statusTone[p.status]}>
                      {tx('market.pledgeStatus', p.status)}
                    </StatusBadge>
                  ),
              },
            ]}
          />
        )}
      </ResourceView>
    </>
  );
}
