import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ActivityType, List, PolicyVersion } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { PolicyVersionForm } from './PolicyVersionForm.tsx';

/** The municipality's policy: versions (never edited in place), the newest in full, and a new version. */
export default function PolicyPage() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const resource = useResource<List<PolicyVersion>>(endpoints.policies);
  return (
    <>
      <PageTitle title={t('policy.title')}>{t('policy.title')}</PageTitle>
      <Paragraph>{t('policy.lead')}</Paragraph>
      <ResourceView resource={resource}>
        {({ items: versions }) => {
          const newest = versions[0];
          return (
            <>
              {newest ? <PolicyDetails version={newest} /> : <Paragraph>{t('policy.none')}</Paragraph>}
              <Table
                caption={t('policy.versions')}
                rows={versions}
                rowKey={(v) => v.id}
                columns={[
                  { key: 'v', header: t('plan.version'), rowHeader: true, cell: (v) => String(v.version) },
                  { key: 'f', header: t('policy.validFrom'), cell: (v) => date(v.validFrom) },
                  { key: 'c', header: t('policy.createdAt'), cell: (v) => date(v.createdAt) },
                ]}
              />
              {me?.role === 'municipalityAdmin' && newest ? (
                <PolicyVersionForm base={newest} onSaved={resource.reload} />
              ) : null}
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

function PolicyDetails({ version }: { version: PolicyVersion }) {
  const { t, money, percentBp, date } = useI18n();
  const p = version.policy;
  const optional = (v: number | undefined, show: (n: number) => string, none = '—') =>
    v === undefined ? none : show(v);
  return (
    <section aria-labelledby="policy-current" className="retour-stack">
      <Heading level={2} id="policy-current">
        {t('policy.current', { version: version.version, date: date(version.validFrom) })}
      </Heading>
      <DataList
        items={[
          { key: t('policy.percentage'), value: percentBp(p.percentageBp) },
          { key: t('policy.planThreshold'), value: money(p.planThresholdCents) },
          { key: t('policy.exemptBelow'), value: optional(p.exemptBelowCents, money, t('common.none')) },
          { key: t('policy.reportDueDays'), value: optional(p.reportDueDays, String) },
          { key: t('policy.behindTolerance'), value: optional(p.behindToleranceBp, percentBp) },
        ]}
      />
      <CatalogueTable catalogue={p.activityTypes} />
    </section>
  );
}

export function RateText({ type }: { type: ActivityType }) {
  const { t, money, percentBp } = useI18n();
  if (type.method === 'spendShare' || type.method === 'money' || type.method === 'obligationShare')
    return <>{t('policy.share', { share: percentBp(type.shareBp ?? 10_000) })}</>;
  return (
    <>
      {type.rateCents !== undefined
        ? t(`policy.rate.${type.method}`, { amount: money(type.rateCents) })
        : '—'}
    </>
  );
}

function CatalogueTable({ catalogue }: { catalogue: ActivityType[] }) {
  const { t, tx } = useI18n();
  return (
    <Table
      caption={t('policy.catalogue')}
      rows={catalogue}
      rowKey={(x) => x.code}
      columns={[
        { key: 'n', header: t('activity.type'), rowHeader: true, cell: (x) => x.name },
        { key: 'c', header: t('estimate.exampleCategory'), cell: (x) => tx('category', x.category) },
        { key: 'm', header: t('policy.method'), cell: (x) => tx('method', x.method) },
        { key: 'r', header: t('policy.rateHeader'), cell: (x) => <RateText type={x} /> },
      ]}
    />
  );
}
