import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Contract, Plan, PlanStatus } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { useTypeNames } from '../../lib/activityTypes.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert, Notice, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Heading, Paragraph, StatusBadge } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { PlanItemsTable } from './PlanItemsTable.tsx';

/** The plan of a plan-regime contract; advisors approve it or return it with a comment. */
export function PlanSection({ contract }: { contract: Contract }) {
  const { t } = useI18n();
  const plan = useResource<Plan>(endpoints.plan(contract.id));
  return (
    <section aria-labelledby="contract-plan">
      <Heading level={2} id="contract-plan">
        {t('plan.title')}
      </Heading>
      <ResourceView resource={plan}>
        {(p) =>
          p.status === 'none' ? (
            <Paragraph>{t('plan.none')}</Paragraph>
          ) : (
            <PlanView plan={p} contract={contract} onChange={plan.reload} />
          )
        }
      </ResourceView>
    </section>
  );
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { tx } = useI18n();
  const tone =
    status === 'approved'
      ? 'success'
      : status === 'returned'
        ? 'warning'
        : status === 'submitted'
          ? 'active'
          : 'neutral';
  return <StatusBadge tone={tone}>{tx('planStatus', status)}</StatusBadge>;
}

function PlanView({ plan, contract, onChange }: { plan: Plan; contract: Contract; onChange: () => void }) {
  const { t, money, dateTime } = useI18n();
  const { me } = useSession();
  const typeName = useTypeNames();
  const canReview =
    (me?.role === 'advisor' || me?.role === 'municipalityAdmin') && plan.status === 'submitted';
  // The review form goes away once decided, so its outcome is shown (and focused) here.
  const [reviewed, setReviewed] = useState<string | null>(null);
  return (
    <div className="retour-stack">
      <Paragraph>
        {t('plan.status')}: <PlanStatusBadge status={plan.status} />
      </Paragraph>
      <Paragraph>
        {t('plan.coverage', {
          planned: money(plan.plannedCents),
          obligation: money(contract.obligationCents),
        })}
      </Paragraph>
      <PlanItemsTable items={plan.items} typeName={typeName} />
      {reviewed ? <Notice message={reviewed} /> : null}
      {canReview ? (
        <ReviewForm
          contractId={contract.id}
          onDone={(message) => {
            setReviewed(message);
            onChange();
          }}
        />
      ) : null}
      {plan.versions.length > 0 ? (
        <Table
          caption={t('plan.history')}
          rows={plan.versions}
          rowKey={(v) => v.id}
          columns={[
            { key: 'v', header: t('plan.version'), rowHeader: true, cell: (v) => String(v.version) },
            {
              key: 's',
              header: t('plan.submittedAt'),
              cell: (v) => dateTime(v.submittedAt),
            },
            { key: 'p', header: t('plan.versionTotal'), numeric: true, cell: (v) => money(v.plannedCents) },
            {
              key: 'd',
              header: t('plan.decision'),
              cell: (v) =>
                v.decision ? t(v.decision === 'approved' ? 'plan.approved' : 'plan.returned') : '—',
            },
            { key: 'c', header: t('plan.comment'), cell: (v) => v.comment ?? '' },
          ]}
        />
      ) : null}
    </div>
  );
}

function ReviewForm({ contractId, onDone }: { contractId: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors();
  async function decide(e: FormEvent, decision: 'approved' | 'returned') {
    e.preventDefault();
    form.clear();
    if (decision === 'returned' && !comment.trim()) {
      form.setLocal({ comment: t('plan.commentRequired') });
      return;
    }
    setBusy(true);
    try {
      await api.post(endpoints.planReview(contractId), {
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onDone(t(decision === 'approved' ? 'plan.approvedDone' : 'plan.returnedDone'));
    } catch (error) {
      form.fromApi(error, { comment: 'comment' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="retour-form retour-card" onSubmit={(e) => void decide(e, 'approved')}>
      <Heading level={3}>{t('plan.review')}</Heading>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <TextareaField
        label={t('plan.comment')}
        description={t('plan.commentHint')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={form.errors.comment}
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('plan.approve')}
        </Button>
        <Button onClick={(e) => void decide(e, 'returned')} disabled={busy}>
          {t('plan.return')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
