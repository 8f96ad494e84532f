import { useState } from 'react';
import { TargetGroupRates } from './TargetGroupRates.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ActivityType, List } from '../../lib/model.ts';
import type { PolicyVersion, TenderRules } from '../../lib/policy-model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { policyDiff, type ComparedSetting } from './policyDiff.ts';
import { PolicyVersionForm } from './PolicyVersionForm.tsx';
import { PublicationSection } from '../results/PublicationSection.tsx';

/** The municipality's policy: versions (never edited in place), the newest in full, and a new version. */
export default function PolicyPage() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const resource = useResource<List<PolicyVersion> & { tenderDefaults: TenderRules }>(endpoints.policies);
  const [shownId, setShownId] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('policy.title')}>{t('policy.title')}</PageTitle>
      <Paragraph>{t('policy.lead')}</Paragraph>
      <PublicationSection canSwitch={me?.role === 'municipalityAdmin'} />
      <ResourceView resource={resource}>
        {({ items: versions, tenderDefaults }) => {
          const newest = versions[0];
          const index = Math.max(
            0,
            versions.findIndex((v) => v.id === shownId),
          );
          const shown = versions[index];
          const previous = versions[index + 1];
          return (
            <>
              {shown ? (
                <>
                  <PolicyDetails version={shown} />
                  <PolicyChanges version={shown} previous={previous} />
                </>
              ) : (
                <Paragraph>{t('policy.none')}</Paragraph>
              )}
              <Table
                caption={t('policy.versions')}
                rows={versions}
                rowKey={(v) => v.id}
                columns={[
                  { key: 'v', header: t('plan.version'), rowHeader: true, cell: (v) => String(v.version) },
                  { key: 'f', header: t('policy.validFrom'), cell: (v) => date(v.validFrom) },
                  { key: 'c', header: t('policy.createdAt'), cell: (v) => date(v.createdAt) },
                  {
                    key: 's',
                    header: t('policyEdit.showHeader'),
                    cell: (v) =>
                      v.id === shown?.id ? (
                        <span aria-current="true">{t('policyEdit.shown')}</span>
                      ) : (
                        <Button variant="subtle" onClick={() => setShownId(v.id)}>
                          {t('policyEdit.show', { version: v.version })}
                        </Button>
                      ),
                  },
                ]}
              />
              {me?.role === 'municipalityAdmin' && newest ? (
                <PolicyVersionForm base={newest} tenderDefaults={tenderDefaults} onSaved={resource.reload} />
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
          {
            key: t('policyEdit.obligationCap'),
            value: optional(p.obligationCapCents, money, t('common.none')),
          },
          {
            key: t('policyEdit.thresholdWorks'),
            value: optional(p.planThresholdByKind?.works, money),
          },
          {
            key: t('policyEdit.thresholdServices'),
            value: optional(p.planThresholdByKind?.servicesAndSupplies, money),
          },
          { key: t('policyEdit.caps'), value: <CapsText caps={p.categoryCapsBp} /> },
        ]}
      />
      <CatalogueTable catalogue={p.activityTypes} />
      <TargetGroupRates data={p} />
    </section>
  );
}

export function RateText({ type }: { type: ActivityType }) {
  const { t, money, percentBp } = useI18n();
  if (type.method === 'spendShare' || type.method === 'money' || type.method === 'obligationShare')
    return <>{t('policy.share', { share: percentBp(type.shareBp ?? 10_000) })}</>;
  if (type.method === 'targetGroupYear') return <>{t('tg.colGroup')}</>;
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
        {
          key: 'e',
          header: t('evidenceRule.column'),
          cell: (x) => t(x.evidenceRequired ? 'evidenceRule.yes' : 'evidenceRule.no'),
        },
      ]}
    />
  );
}

function CapsText({ caps }: { caps: PolicyVersion['policy']['categoryCapsBp'] }) {
  const { t, tx, percentBp } = useI18n();
  const entries = Object.entries(caps ?? {}).filter(([, v]) => typeof v === 'number');
  if (entries.length === 0) return <>{t('common.none')}</>;
  return <>{entries.map(([c, v]) => `${tx('category', c)} ${percentBp(v)}`).join(', ')}</>;
}

/** What changed in this version against the one before it (settings, and activity types by code). */
function PolicyChanges({
  version,
  previous,
}: {
  version: PolicyVersion;
  previous: PolicyVersion | undefined;
}) {
  const { t, money, percentBp } = useI18n();
  const labels: Record<ComparedSetting, string> = {
    percentageBp: t('policy.percentage'),
    planThresholdCents: t('policy.planThreshold'),
    planThresholdByKind: `${t('policyEdit.thresholdWorks')} / ${t('policyEdit.thresholdServices')}`,
    exemptBelowCents: t('policy.exemptBelow'),
    obligationCapCents: t('policyEdit.obligationCap'),
    reportDueDays: t('policy.reportDueDays'),
    behindToleranceBp: t('policy.behindTolerance'),
    categoryCapsBp: t('policyEdit.caps'),
  };
  const show = (key: ComparedSetting, v: unknown): string => {
    if (v === undefined || v === null) return '—';
    if (typeof v === 'number')
      return key.endsWith('Bp') ? percentBp(v) : key.endsWith('Cents') ? money(v) : String(v);
    return Object.entries(v as Record<string, number>)
      .map(([k, n]) => `${k} ${key === 'categoryCapsBp' ? percentBp(n) : money(n)}`)
      .join(', ');
  };
  if (!previous) return <Paragraph>{t('policyEdit.firstVersion')}</Paragraph>;
  const d = policyDiff(previous.policy, version.policy);
  const lines = [
    ...d.settings.map((s) =>
      t('policyEdit.changed', {
        setting: labels[s.key],
        before: show(s.key, s.before),
        after: show(s.key, s.after),
      }),
    ),
    ...d.added.map((x) => t('policyEdit.addedType', { name: x.name })),
    ...d.removed.map((x) => t('policyEdit.removedType', { name: x.name })),
    ...d.changed.map((x) => t('policyEdit.changedType', { name: x.after.name })),
  ];
  return (
    <section aria-labelledby="policy-changes" className="retour-card">
      <Heading level={3} id="policy-changes">
        {t('policyEdit.changes', { version: previous.version })}
      </Heading>
      {lines.length ? (
        <ul className="utrecht-unordered-list">
          {lines.map((line, i) => (
            <li className="utrecht-unordered-list__item" key={i}>
              {line}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('policyEdit.noChanges')}</Paragraph>
      )}
    </section>
  );
}
