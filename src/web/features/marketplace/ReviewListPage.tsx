import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { ProfileStatus } from './InitiativeCard.tsx';
import { marketEndpoints, type Initiative } from './model.ts';

/** Advisors: every profile of the municipality, those awaiting approval first. */
export default function ReviewListPage() {
  const { t, tx } = useI18n();
  const list = useResource<{ items: Initiative[] }>(marketEndpoints.list());
  const order = { submitted: 0, draft: 1, rejected: 2, approved: 3 } as const;
  return (
    <>
      <PageTitle title={t('market.reviewTitle')}>{t('market.reviewTitle')}</PageTitle>
      <Paragraph>{t('market.reviewLead')}</Paragraph>
      <ResourceView resource={list}>
        {(data) => (
          <Table
            caption={t('market.reviewTitle')}
            captionHidden
            rows={[...data.items].sort((a, b) => order[a.status] - order[b.status])}
            rowKey={(r) => r.id}
            empty={t('market.none')}
            columns={[
              {
                key: 'name',
                header: t('market.name'),
                rowHeader: true,
                cell: (r) => <Link to={`/marketplace/${r.id}`}>{r.name}</Link>,
              },
              {
                key: 'themes',
                header: t('market.themes'),
                cell: (r) => r.themes.map((x) => tx('market.theme', x)).join(', '),
              },
              {
                key: 'status',
                header: t('market.statusLabel'),
                cell: (r) => <ProfileStatus status={r.status} />,
              },
            ]}
          />
        )}
      </ResourceView>
    </>
  );
}
