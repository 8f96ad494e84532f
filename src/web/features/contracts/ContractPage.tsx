import { useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { Activity, Contract, Plan, Progress } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { ButtonGroup, ButtonLink } from '../../ui/Button.tsx';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { DataList, Explain, Heading, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { ContractDetailsForm } from '../advisor/ContractDetailsForm.tsx';
import { ExtensionForm } from '../advisor/ExtensionForm.tsx';
import { IntakeForm } from '../advisor/IntakeForm.tsx';
import { InvoicesSection } from '../advisor/InvoicesSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { ReportsSection } from './ReportsSection.tsx';
import { ReservationSection } from '../tender/ReservationSection.tsx';
import { SettlementSection } from './SettlementSection.tsx';
import { VerifierSection } from './VerifierSection.tsx';
import { ProgressPanel } from './shared.tsx';

/** One contract: obligation and why, progress, plan, reports per half-year. Actions follow the role. */
export default function ContractPage() {
  const { id = '' } = useParams();
  const { t, tx, money, date } = useI18n();
  const { me } = useSession();
  const contract = useResource<Contract>(endpoints.contract(id));
  const progress = useResource<Progress>(endpoints.progress(id));
  // What the progress numbers alone do not say: a plan waiting for approval, value from pledges.
  const regime = contract.data?.regime;
  const plan = useResource<Plan>(regime === 'plan' ? endpoints.plan(id) : null);
  const activities = useResource<{ items: Activity[] }>(regime ? endpoints.activities(id) : null);
  const pendingPlanCents =
    plan.data && plan.data.status !== 'approved' && plan.data.status !== 'none'
      ? plan.data.plannedCents
      : undefined;
  const pledgedCents = activities.data?.items
    .filter((a) => a.pledge && a.verification !== 'rejected')
    .reduce((sum, a) => sum + a.valueCents, 0);
  const role = me?.role ?? null;

  return (
    <ResourceView resource={contract} page>
      {(c) => {
        const title = `${c.reference} · ${c.title}`;
        return (
          <>
            <PageTitle title={title}>{title}</PageTitle>
            <ButtonGroup>
              {role === 'contractManager' || role === 'advisor' || role === 'municipalityAdmin' ? (
                <ButtonLink to={`/contracts/${c.id}/summary`}>{t('summary.open')}</ButtonLink>
              ) : null}
              {role === 'supplier' && c.regime === 'plan' ? (
                <ButtonLink to={`/contracts/${c.id}/plan`} variant="primary">
                  {t('plan.build')}
                </ButtonLink>
              ) : null}
            </ButtonGroup>
            <DataList
              items={[
                { key: t('contracts.supplier'), value: c.supplierName },
                { key: t('contracts.value'), value: money(c.valueCents) },
                ...(c.totalValueCents !== c.valueCents
                  ? [{ key: t('extension.totalValue'), value: money(c.totalValueCents) }]
                  : []),
                { key: t('contracts.term'), value: `${date(c.startDate)} – ${date(c.endDate)}` },
                ...(c.maxExtentDate
                  ? [{ key: t('contracts.maxExtentDate'), value: date(c.maxExtentDate) }]
                  : []),
                { key: t('contracts.awardDate'), value: date(c.awardDate) },
                ...(c.contractManagerName
                  ? [{ key: t('role.contractManager'), value: c.contractManagerName }]
                  : []),
              ]}
            />
            <DownloadLinks
              path={endpoints.activities(c.id)}
              formats={['xlsx', 'csv']}
              label={t('download.activities')}
            />
            {c.regime === 'plan' && role !== 'contractManager' ? (
              <DownloadLinks path={endpoints.plan(c.id)} formats={['pdf']} label={t('download.plan')} />
            ) : null}
            <section aria-labelledby="contract-obligation" className="retour-card">
              <Heading level={2} id="contract-obligation">
                {t('contract.obligation')}
              </Heading>
              <p className="retour-figure">{money(c.obligation.amountCents)}</p>
              <Paragraph>
                {t('estimate.regime')}: {tx('regime', c.obligation.regime)}
              </Paragraph>
              <Explain summary={t('common.explain')}>
                <Paragraph>{c.obligation.explanation}</Paragraph>
                <Paragraph small>
                  {t('common.rule')}: <code>{c.obligation.ruleId}</code>
                </Paragraph>
                <Paragraph small>
                  {t('contract.policyVersion', { version: c.obligation.policyVersion })}
                </Paragraph>
              </Explain>
            </section>
            <section aria-labelledby="contract-progress">
              <Heading level={2} id="contract-progress">
                {t('contract.progress')}
              </Heading>
              <ResourceView resource={progress}>
                {(p) => (
                  <ProgressPanel
                    progress={p}
                    pendingPlanCents={pendingPlanCents}
                    pledgedCents={pledgedCents}
                  />
                )}
              </ResourceView>
            </section>
            {role === 'advisor' && c.regime === 'plan' ? <IntakeForm contractId={c.id} /> : null}
            {c.regime === 'plan' ? <PlanSection contract={c} /> : null}
            <InvoicesSection
              contract={c}
              canEdit={role === 'advisor'}
              onChanged={() => {
                contract.reload();
                progress.reload();
              }}
            />
            <ReportsSection contract={c} />
            <ReservationSection contractId={c.id} canEdit={role === 'advisor'} />
            {role === 'advisor' || role === 'municipalityAdmin' ? (
              <VerifierSection contractId={c.id} />
            ) : null}
            <SettlementSection
              contract={c}
              progress={progress.data ?? null}
              isAdvisor={role === 'advisor'}
              onSettled={progress.reload}
            />
            {role === 'advisor' ? (
              <ContractDetailsForm key={c.id} contract={c} onSaved={contract.reload} />
            ) : null}
            {role === 'advisor' ? (
              <ExtensionForm
                contract={c}
                onExtended={() => {
                  contract.reload();
                  progress.reload();
                }}
              />
            ) : null}
          </>
        );
      }}
    </ResourceView>
  );
}
