import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import {
  type ActivityTypeList,
  type Contract,
  type Plan,
  type PlanItem,
  type PlanItemInput,
} from '../../lib/model.ts';
import { halfYearsOfTerm } from '../../lib/reports.ts';
import { useTypeNames } from '../../lib/activityTypes.ts';
import { useResource } from '../../lib/useResource.ts';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { Button, Link } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ErrorAlert, Notice, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';
import { PlanItemsTable } from '../contracts/PlanItemsTable.tsx';
import { PlanStatusBadge } from '../contracts/PlanSection.tsx';
import { emptyQuantity, QuantityFields, type QuantityInput } from './QuantityFields.tsx';
import { ImportForm } from './ImportForm.tsx';
import { parseDecimal } from '../../format.ts';
import { quantityBody, quantityFieldOf } from './quantity.ts';
import { emptyTargetGroup, TargetGroupFields, type TargetGroupInput } from './TargetGroupFields.tsx';

/** A valued plan item back as input (PUT takes the type, period and quantities only). */
function asInput(item: PlanItem): PlanItemInput {
  const input: PlanItemInput = { typeCode: item.typeCode, period: item.period };
  for (const key of [
    'fte',
    'months',
    'units',
    'hours',
    'amountCents',
    'validFrom',
    'validTo',
    'targetGroup',
    'hoursPerWeek',
    'bonuses',
  ] as const)
    if (item[key] != null) Object.assign(input, { [key]: item[key] });
  return input;
}

/**
 * The supplier's plan builder: pick activities from the catalogue; each change is saved as a draft and
 * valued by the API, so the planned value against the obligation is always the API's own number.
 */
export default function PlanBuilderPage() {
  const { id = '' } = useParams();
  const { t, lang, money, halfYear } = useI18n();
  const contract = useResource<Contract>(endpoints.contract(id));
  const planRes = useResource<Plan>(endpoints.plan(id));
  const catalogue = useResource<ActivityTypeList>(endpoints.activityTypes());
  const typeName = useTypeNames();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [typeCode, setTypeCode] = useState('');
  const [period, setPeriod] = useState('');
  const [quantity, setQuantity] = useState<QuantityInput>(emptyQuantity);
  const [group, setGroup] = useState<TargetGroupInput>(emptyTargetGroup);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  const form = useFieldErrors();
  useEffect(() => {
    if (planRes.data) setPlan(planRes.data);
  }, [planRes.data]);
  const types = catalogue.data?.items ?? [];
  const periods = contract.data ? halfYearsOfTerm(contract.data.startDate, contract.data.endDate) : [];
  const type = types.find((x) => x.code === typeCode);
  const editable = plan !== null && ['none', 'draft', 'returned'].includes(plan.status);

  async function save(nextItems: PlanItemInput[]) {
    setPlan(await api.put<Plan>(endpoints.plan(id), { items: nextItems }));
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    form.clear();
    if (!type || !plan) {
      form.setLocal({ typeCode: t('common.required') });
      return;
    }
    const { body, errors } = quantityBody(type, quantity, lang, t('activity.notANumber'));
    if (!period) errors.period = t('common.required');
    const byGroup = type.method === 'targetGroupYear';
    const hoursPerWeek = byGroup ? parseDecimal(group.hoursPerWeek) : null;
    if (byGroup && hoursPerWeek === null) errors.hoursPerWeek = t('activity.notANumber');
    if (byGroup && !group.targetGroup) errors.targetGroup = t('common.required');
    const groupBody = byGroup
      ? {
          targetGroup: group.targetGroup,
          ...(hoursPerWeek === null ? {} : { hoursPerWeek }),
          ...(group.bonuses.length ? { bonuses: group.bonuses } : {}),
        }
      : {};
    if (Object.keys(errors).length) {
      form.setLocal(errors);
      return;
    }
    setBusy(true);
    try {
      await save([...plan.items.map(asInput), { typeCode, period, ...body, ...groupBody }]);
      setQuantity(emptyQuantity);
      setGroup(emptyTargetGroup);
    } catch (error) {
      const n = plan.items.length;
      // Reasons for the new item (items.<n>.fte) go next to its fields.
      form.fromApi(
        error,
        Object.fromEntries(
          Object.entries({
            typeCode: 'typeCode',
            period: 'period',
            targetGroup: 'targetGroup',
            hoursPerWeek: 'hoursPerWeek',
            bonuses: 'bonuses',
            ...quantityFieldOf,
          }).map(([k, v]) => [`items.${n}.${k}`, v]),
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  async function remove(index: number) {
    if (!plan) return;
    setBusy(true);
    try {
      await save(plan.items.filter((_, i) => i !== index).map(asInput));
    } catch (error) {
      form.fromApi(error);
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    form.clear();
    setBusy(true);
    try {
      setPlan(await api.post<Plan>(endpoints.planSubmission(id)));
      setSubmitted(true);
    } catch (error) {
      form.fromApi(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ResourceView resource={contract} page>
      {(c) => {
        const title = t('plan.builderTitle', { reference: c.reference });
        // The advisor's comment on the last returned version: what to change before submitting again.
        const returned =
          plan?.status === 'returned'
            ? [...plan.versions].sort((a, b) => b.version - a.version).find((v) => v.decision === 'returned')
            : undefined;
        return (
          <>
            <PageTitle title={title}>{title}</PageTitle>
            <DownloadLinks path={endpoints.plan(id)} formats={['pdf', 'xlsx']} label={t('download.plan')} />
            <Paragraph>
              <Link to={`/contracts/${c.id}`}>{`${c.reference} · ${c.title}`}</Link>
            </Paragraph>
            {plan === null ? null : (
              <>
                {returned ? (
                  <Alert type="warning" heading={t('plan.returnedComment', { version: returned.version })}>
                    <Paragraph>{returned.comment ?? t('common.none')}</Paragraph>
                  </Alert>
                ) : null}
                <section aria-labelledby="plan-cover" className="retour-card">
                  <Heading level={2} id="plan-cover">
                    {t('plan.coverTitle')}
                  </Heading>
                  <Paragraph>
                    {t('plan.status')}: <PlanStatusBadge status={plan.status} />
                  </Paragraph>
                  <p className="retour-figure" aria-live="polite" data-testid="plan-coverage">
                    {t('plan.coverage', {
                      planned: money(plan.plannedCents),
                      obligation: money(c.obligationCents),
                    })}
                  </p>
                  <ProgressBar
                    obligationCents={c.obligationCents}
                    realisedCents={plan.plannedCents}
                    verifiedCents={0}
                    legend={
                      <ul className="retour-legend" aria-label={t('plan.legend')}>
                        <li>
                          <span className="retour-swatch retour-swatch--realised" aria-hidden="true" />{' '}
                          {t('plan.legendPlanned')}
                        </li>
                        <li>
                          <span className="retour-swatch retour-swatch--obligation" aria-hidden="true" />{' '}
                          {t('plan.legendObligation')}
                        </li>
                      </ul>
                    }
                  />
                </section>
                {submitted ? <Notice message={t('plan.submitted')} /> : null}
                {form.formError ? <ErrorAlert error={form.formError} /> : null}
                <PlanItemsTable
                  items={plan.items}
                  typeName={typeName}
                  actions={
                    editable
                      ? (item, index) => (
                          <Button
                            variant="subtle"
                            onClick={() => void remove(index)}
                            disabled={busy}
                            aria-label={t('plan.removeLabel', { name: typeName(item.typeCode) })}
                          >
                            {t('plan.remove')}
                          </Button>
                        )
                      : undefined
                  }
                />
                {editable ? (
                  <>
                    <section aria-labelledby="plan-add" className="retour-card">
                      <Heading level={2} id="plan-add">
                        {t('plan.addTitle')}
                      </Heading>
                      <form className="retour-form" onSubmit={(e) => void add(e)} noValidate>
                        <SelectField
                          id="plan-type"
                          label={t('activity.type')}
                          value={typeCode}
                          onChange={(e) => setTypeCode(e.target.value)}
                          error={form.errors.typeCode}
                          options={[
                            { value: '', label: t('activity.choose') },
                            ...types.map((x) => ({ value: x.code, label: x.name })),
                          ]}
                        />
                        <SelectField
                          id="plan-period"
                          label={t('activity.period')}
                          value={period}
                          onChange={(e) => setPeriod(e.target.value)}
                          error={form.errors.period}
                          options={[
                            { value: '', label: t('activity.choosePeriod') },
                            ...periods.map((p) => ({ value: p, label: halfYear(p) })),
                          ]}
                        />
                        {type?.method === 'targetGroupYear' && catalogue.data ? (
                          <TargetGroupFields
                            data={catalogue.data}
                            value={group}
                            onChange={setGroup}
                            errors={form.errors}
                            idPrefix="plan"
                          />
                        ) : null}
                        <QuantityFields
                          type={type}
                          value={quantity}
                          onChange={setQuantity}
                          errors={form.errors}
                          idPrefix="plan"
                        />
                        <Button type="submit" busy={busy} disabled={busy}>
                          {t('plan.add')}
                        </Button>
                      </form>
                    </section>
                    <ImportForm
                      contractId={id}
                      typeName={typeName}
                      onImported={(message) => {
                        setImported(message);
                        planRes.reload();
                      }}
                    />
                    {imported ? <Notice message={imported} /> : null}
                    <ConfirmButton
                      variant="primary"
                      label={t('plan.submit')}
                      ariaLabel={t('plan.submit')}
                      question={t('plan.submitQuestion', {
                        n: plan.items.length,
                        total: money(plan.plannedCents),
                      })}
                      confirmLabel={t('plan.submitConfirm')}
                      onConfirm={submit}
                      disabled={busy || plan.items.length === 0}
                    />
                  </>
                ) : null}
              </>
            )}
          </>
        );
      }}
    </ResourceView>
  );
}
