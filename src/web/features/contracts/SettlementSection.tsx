import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { Contract, Progress, Settlement, SettlementState } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { Fieldset, SelectField, TextareaField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { DataList, Explain, Heading, Paragraph } from '../../ui/text.tsx';

/**
 * The end of a contract (domain.md §12): shortfall and penalty after the end date, the settlement
 * decision once recorded, surpluses carried in; the advisor records the decision here.
 */
export function SettlementSection({
  contract,
  progress,
  isAdvisor,
  onSettled,
}: {
  contract: Contract;
  progress: Progress | null;
  isAdvisor: boolean;
  onSettled: () => void;
}) {
  const { t, money, date } = useI18n();
  const state = useResource<SettlementState>(endpoints.settlement(contract.id));
  const s = state.data?.settlement ?? null;
  const ended = progress?.shortfallCents !== undefined;
  if (!state.data || (!ended && !s && state.data.carriedIn.length === 0)) return null;
  return (
    <section aria-labelledby="contract-settlement" className="retour-card">
      <Heading level={2} id="contract-settlement">
        {t('settle.title')}
      </Heading>
      {state.data.carriedIn.map((x) => (
        <Paragraph key={x.fromContractId}>
          {t('settle.carriedIn', {
            reference: x.fromReference,
            amount: money(x.amountCents),
            reason: x.reason ?? '',
          })}
        </Paragraph>
      ))}
      {s ? (
        <Decided settlement={s} />
      ) : ended && progress ? (
        <>
          <Paragraph>{t('settle.open')}</Paragraph>
          <DataList
            items={[
              { key: t('settle.shortfall'), value: money(progress.shortfallCents ?? 0) },
              { key: t('settle.penalty'), value: money(progress.penaltyCents ?? 0) },
            ]}
          />
          {isAdvisor ? (
            <SettleForm
              contractId={contract.id}
              onSettled={() => {
                state.reload();
                onSettled();
              }}
            />
          ) : null}
        </>
      ) : (
        <Paragraph>{t('settle.notYet', { date: date(contract.endDate) })}</Paragraph>
      )}
    </section>
  );
}

function Decided({ settlement: s }: { settlement: Settlement }) {
  const { t, money, date } = useI18n();
  return (
    <>
      <Paragraph>
        {t('settle.done', {
          date: date(s.decidedOn),
          decision: t(`settle.decided.${s.decision}` as MessageKey),
          penalty: money(s.penaltyCents),
        })}
      </Paragraph>
      <DataList
        items={[
          { key: t('settle.shortfall'), value: money(s.shortfallCents) },
          { key: t('settle.penalty'), value: money(s.computedPenaltyCents) },
          { key: t('settle.note'), value: s.note },
        ]}
      />
      <Explain summary={t('common.explain')}>
        <Paragraph>{s.explanation}</Paragraph>
      </Explain>
      {s.carryOver ? (
        <Paragraph>
          {t('settle.carriedOut', { amount: money(s.carryOver.amountCents), reason: s.carryOver.reason })}
        </Paragraph>
      ) : null}
    </>
  );
}

function SettleForm({ contractId, onSettled }: { contractId: string; onSettled: () => void }) {
  const { t, lang } = useI18n();
  const [decision, setDecision] = useState<'impose' | 'reduce' | 'waive'>('impose');
  const [penalty, setPenalty] = useState('');
  const [note, setNote] = useState('');
  const [carryContract, setCarryContract] = useState('');
  const [carryAmount, setCarryAmount] = useState('');
  const [carryReason, setCarryReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    const local: Record<string, string> = {};
    const penaltyCents = decision === 'reduce' ? parseEuros(penalty, lang) : undefined;
    if (penaltyCents === null) local.penalty = t('common.invalidAmount');
    if (!note.trim()) local.note = t('common.required');
    const carrying = carryContract.trim() !== '';
    const amountCents = carrying ? parseEuros(carryAmount, lang) : undefined;
    if (carrying && amountCents == null) local.carryAmount = t('common.invalidAmount');
    if (carrying && !carryReason.trim()) local.carryReason = t('common.required');
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      await api.post(endpoints.settlement(contractId), {
        decision,
        note: note.trim(),
        ...(penaltyCents != null ? { penaltyCents } : {}),
        ...(carrying
          ? { carryOver: { contractId: carryContract.trim(), amountCents, reason: carryReason.trim() } }
          : {}),
      });
      onSettled();
    } catch (error) {
      form.fromApi(error, {
        decision: 'decision',
        penaltyCents: 'penalty',
        note: 'note',
        'carryOver.contractId': 'carryContract',
        'carryOver.amountCents': 'carryAmount',
        'carryOver.reason': 'carryReason',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <SelectField
        id="settle-decision"
        label={t('settle.decision')}
        value={decision}
        onChange={(e) => setDecision(e.target.value as typeof decision)}
        error={form.errors.decision}
        options={(['impose', 'reduce', 'waive'] as const).map((d) => ({
          value: d,
          label: t(`settle.decision.${d}`),
        }))}
      />
      {decision === 'reduce' ? (
        <TextField
          id="settle-penalty"
          label={t('settle.penaltyAmount')}
          value={penalty}
          onChange={(e) => setPenalty(e.target.value)}
          error={form.errors.penalty}
          inputMode="decimal"
        />
      ) : null}
      <TextareaField
        id="settle-note"
        label={t('settle.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={form.errors.note}
        rows={3}
      />
      <Fieldset legend={t('settle.carry')}>
        <TextField
          id="settle-carryContract"
          label={t('settle.carryContract')}
          value={carryContract}
          onChange={(e) => setCarryContract(e.target.value)}
          error={form.errors.carryContract}
          autoComplete="off"
        />
        <TextField
          id="settle-carryAmount"
          label={t('settle.carryAmount')}
          value={carryAmount}
          onChange={(e) => setCarryAmount(e.target.value)}
          error={form.errors.carryAmount}
          inputMode="decimal"
        />
        <TextField
          id="settle-carryReason"
          label={t('settle.carryReason')}
          value={carryReason}
          onChange={(e) => setCarryReason(e.target.value)}
          error={form.errors.carryReason}
        />
      </Fieldset>
      <Button type="submit" variant="primary" busy={busy} disabled={busy}>
        {t('settle.submit')}
      </Button>
    </form>
  );
}
