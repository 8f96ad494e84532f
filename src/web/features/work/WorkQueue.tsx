import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/nl.ts';
import { endpoints } from '../../lib/endpoints.ts';
import type { WorkQueue as Queue, WorkQueueGroup, WorkQueueItem } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Link } from '../../ui/Button.tsx';
import { ResourceView } from '../../ui/states.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { useSession, type Role } from '../session/session.tsx';

/** Where an item of each kind is done. */
function linkOf(kind: WorkQueueGroup['kind'], item: WorkQueueItem): string {
  switch (kind) {
    case 'toVerify':
    case 'answered':
    case 'overdue':
    case 'due':
    case 'questions':
      return item.reportId
        ? `/contracts/${item.contractId}/reports/${item.reportId}`
        : `/contracts/${item.contractId}`;
    case 'returnedPlans':
      return `/contracts/${item.contractId}/plan`;
    case 'toEvaluate':
      return `/contracts/${item.contractId}/summary`;
    default:
      return `/contracts/${item.contractId}`;
  }
}

/** How many items of a group are listed; the count says how many there are in all. */
const shown = 5;

/**
 * "What waits for me": the start page's queue for the signed-in role, one block per kind with its
 * count and links that land on the item itself. `roles` limits on which roles it shows at all.
 */
export function WorkQueue({
  roles,
  hide = [],
}: {
  roles?: readonly Role[];
  /** Kinds the page shows in its own way already (the supplier's "what is due when"). */
  hide?: readonly WorkQueueGroup['kind'][];
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const visible = me?.role && (!roles || roles.includes(me.role));
  const queue = useResource<Queue>(visible ? endpoints.workQueue : null);
  if (!visible) return null;
  return (
    <section aria-labelledby="work-queue" className="retour-card">
      <Heading level={2} id="work-queue">
        {t('work.title')}
      </Heading>
      <ResourceView resource={queue}>
        {({ items }) => {
          const groups = items.filter((g) => !hide.includes(g.kind));
          return groups.every((g) => g.count === 0) ? (
            <Paragraph>{t('work.nothing')}</Paragraph>
          ) : (
            <div className="retour-work-queue">
              {groups.map((g) => (
                <QueueBlock key={g.kind} group={g} />
              ))}
            </div>
          );
        }}
      </ResourceView>
    </section>
  );
}

function QueueBlock({ group }: { group: WorkQueueGroup }) {
  const { t, date, halfYear } = useI18n();
  const id = `work-${group.kind}`;
  const title = t(`work.kind.${group.kind}` as MessageKey);
  return (
    <section aria-labelledby={id} className="retour-work-queue__group">
      <Heading level={3} id={id}>
        {title} <span className="retour-count">({group.count})</span>
      </Heading>
      {group.count === 0 ? (
        <Paragraph small>{t('work.none')}</Paragraph>
      ) : (
        <ul className="retour-work-queue__list">
          {group.items.slice(0, shown).map((item) => (
            <li key={`${item.contractId}-${item.reportId ?? ''}`}>
              <Link to={linkOf(group.kind, item)}>
                {[item.period ? halfYear(item.period) : null, item.contractReference, item.contractTitle]
                  .filter(Boolean)
                  .join(' · ')}
              </Link>
              <Paragraph small>
                {[
                  item.supplierName,
                  item.date ? t(`work.date.${group.kind}` as MessageKey, { date: date(item.date) }) : null,
                  item.activities > 0 ? t('work.activities', { n: item.activities }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      {group.count > shown ? (
        <Paragraph small>
          {group.kind === 'behind' ? (
            <Link to="/contracts?status=behind">{t('work.more', { n: group.count - shown })}</Link>
          ) : (
            t('work.moreText', { n: group.count - shown })
          )}
        </Paragraph>
      ) : null}
    </section>
  );
}
