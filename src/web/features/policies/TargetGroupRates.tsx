import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TargetGroupData } from '../../lib/model.ts';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

/**
 * What a person of each target group is worth per full-time year, the bonuses, and the source of
 * the table (domain.md §11): on the policy page and the public estimate page. Nothing without groups.
 */
export function TargetGroupRates({
  data,
  headingLevel = 3,
}: {
  data: TargetGroupData;
  headingLevel?: 2 | 3;
}) {
  const { t, money, date } = useI18n();
  const groups = data.targetGroups ?? [];
  if (groups.length === 0) return null;
  const bonuses = data.bonuses ?? [];
  const source = data.targetGroupSource;
  return (
    <section aria-labelledby="target-group-rates" className="retour-stack">
      <Heading level={headingLevel} id="target-group-rates">
        {t('tg.title')}
      </Heading>
      <Paragraph>{t('tg.lead', { full: data.fullTimeHoursPerWeek ?? 36 })}</Paragraph>
      <Table
        caption={t('tg.caption')}
        captionHidden
        rows={groups}
        rowKey={(g) => g.code}
        columns={[
          { key: 'g', header: t('tg.colGroup'), rowHeader: true, cell: (g) => g.name },
          { key: 'r', header: t('tg.colRate'), cell: (g) => money(g.rateCents) },
          {
            key: 'm',
            header: t('tg.colMax'),
            cell: (g) => (g.maxMonths ? t('tg.maxMonths', { n: g.maxMonths }) : t('tg.noMax')),
          },
        ]}
      />
      {bonuses.length ? (
        <Table
          caption={t('tg.bonusCaption')}
          captionHidden
          rows={bonuses}
          rowKey={(b) => b.code}
          columns={[
            { key: 'b', header: t('tg.colBonus'), rowHeader: true, cell: (b) => b.name },
            { key: 'r', header: t('tg.colRate'), cell: (b) => money(b.rateCents) },
          ]}
        />
      ) : null}
      {source ? (
        <Paragraph small>
          {t('tg.source', { title: source.title, date: source.readOn ? date(source.readOn) : '—' })}
        </Paragraph>
      ) : null}
    </section>
  );
}
