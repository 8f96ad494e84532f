import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DataList, StatusBadge } from '../../ui/text.tsx';
import { statusTone, type Initiative, type Need } from './model.ts';

/** A need in one line: "40 hours ICT — Set up a computer room". */
export function NeedText({ need }: { need: Need }) {
  const { t, tx, number } = useI18n();
  const amount = need.quantity === null ? '' : `${number(need.quantity)} `;
  const expertise = need.expertise ? ` ${need.expertise}` : '';
  return (
    <>
      {amount}
      {tx('market.needKind', need.kind)}
      {expertise} — {need.description || t('market.noDescription')}
      {need.status === 'closed' ? ` (${t('match.closed')})` : ''}
    </>
  );
}

export function ProfileStatus({ status }: { status: Initiative['status'] }) {
  const { tx } = useI18n();
  return <StatusBadge tone={statusTone[status]}>{tx('market.status', status)}</StatusBadge>;
}

/** What a profile shows: description, themes, target groups, location and needs. */
export function InitiativeDetails({ initiative }: { initiative: Initiative }) {
  const { t, tx } = useI18n();
  return (
    <DataList
      items={[
        { key: t('market.description'), value: initiative.description || '—' },
        {
          key: t('market.themes'),
          value: initiative.themes.map((x) => tx('market.theme', x)).join(', ') || '—',
        },
        { key: t('market.targetGroups'), value: initiative.targetGroups.join(', ') || '—' },
        { key: t('market.location'), value: initiative.location ?? '—' },
        {
          key: t('market.needs'),
          value: initiative.needs.length ? (
            <ul>
              {initiative.needs.map((n, i) => (
                <li key={n.id ?? i}>
                  <NeedText need={n} />
                </li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}
