import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseDecimal } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { Fieldset, SelectField, TextField, TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';
import { ProfileStatus } from './InitiativeCard.tsx';
import { FittingSuppliersOfNeeds } from './Matching.tsx';
import { marketEndpoints, needKinds, themes, type Initiative, type Need } from './model.ts';

interface NeedDraft {
  /** A saved need keeps its id, so pledges to it stay tied to it. */
  id?: string | undefined;
  status: 'open' | 'closed';
  kind: Need['kind'];
  expertise: string;
  description: string;
  quantity: string;
}

const toDraft = (n: Need): NeedDraft => ({
  id: n.id,
  status: n.status ?? 'open',
  kind: n.kind,
  expertise: n.expertise ?? '',
  description: n.description,
  quantity: n.quantity === null ? '' : String(n.quantity),
});

/** The initiative user edits its profile and needs, and submits it for approval. */
export default function ProfilePage() {
  const { t } = useI18n();
  const mine = useResource<Initiative>(marketEndpoints.mine);
  return (
    <>
      <PageTitle title={t('market.profileTitle')}>{t('market.profileTitle')}</PageTitle>
      <ResourceView resource={mine}>
        {(i) => (
          <>
            <ProfileForm initiative={i} onSaved={mine.reload} />
            {i.status === 'approved' ? <FittingSuppliersOfNeeds initiativeId={i.id} needs={i.needs} /> : null}
          </>
        )}
      </ResourceView>
    </>
  );
}

function ProfileForm({ initiative, onSaved }: { initiative: Initiative; onSaved: () => void }) {
  const { t, tx } = useI18n();
  const [name, setName] = useState(initiative.name);
  const [description, setDescription] = useState(initiative.description);
  const [chosen, setChosen] = useState<string[]>(initiative.themes);
  const [groups, setGroups] = useState(initiative.targetGroups.join(', '));
  const [location, setLocation] = useState(initiative.location ?? '');
  const [needs, setNeeds] = useState<NeedDraft[]>(initiative.needs.map(toDraft));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFieldErrors();
  useEffect(() => setChosen(initiative.themes), [initiative.themes]);

  const setNeed = (i: number, patch: Partial<NeedDraft>) =>
    setNeeds((all) => all.map((n, k) => (k === i ? { ...n, ...patch } : n)));

  async function save(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    const local: Record<string, string> = {};
    const body = needs.map((n, i) => {
      const quantity = n.quantity.trim() ? parseDecimal(n.quantity) : null;
      if (n.quantity.trim() && quantity === null) local[`needs.${i}.quantity`] = t('activity.notANumber');
      return {
        ...(n.id ? { id: n.id } : {}),
        status: n.status,
        kind: n.kind,
        expertise: n.expertise.trim() || null,
        description: n.description,
        quantity,
      };
    });
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      await api.put(marketEndpoints.mine, {
        name,
        description,
        themes: chosen,
        targetGroups: groups
          .split(',')
          .map((g) => g.trim())
          .filter(Boolean),
        location: location.trim() || null,
        needs: body,
      });
      setSaved(t('market.saved'));
      onSaved();
    } catch (error) {
      const fields: Record<string, string> = {
        name: 'name',
        description: 'description',
        themes: 'themes',
        targetGroups: 'targetGroups',
        location: 'location',
      };
      needs.forEach((_n, i) => {
        for (const f of ['kind', 'expertise', 'description', 'quantity', 'status'])
          fields[`needs.${i}.${f}`] = `needs.${i}.${f}`;
      });
      form.fromApi(error, fields);
    } finally {
      setBusy(false);
    }
  }

  async function submitForApproval() {
    form.clear();
    setBusy(true);
    try {
      await api.post(marketEndpoints.submission, {});
      setSaved(t('market.submitted'));
      onSaved();
    } catch (error) {
      form.fromApi(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Paragraph>
        {t('market.statusLabel')}: <ProfileStatus status={initiative.status} />
      </Paragraph>
      {initiative.status === 'rejected' && initiative.reviewReason ? (
        <Alert type="warning" heading={t('market.rejectedBecause')}>
          {initiative.reviewReason}
        </Alert>
      ) : null}
      {saved ? (
        <Alert type="ok" heading={saved}>
          {t('market.statusNow', { status: tx('market.status', initiative.status) })}
        </Alert>
      ) : null}
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void save(e)} noValidate>
        <TextField
          id="profile-name"
          label={t('market.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.name}
        />
        <TextareaField
          id="profile-description"
          label={t('market.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={form.errors.description}
        />
        <Fieldset legend={t('market.themes')}>
          {themes.map((x) => (
            <div key={x} className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                id={`theme-${x}`}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={chosen.includes(x)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, x] : c.filter((y) => y !== x)))}
              />
              <label htmlFor={`theme-${x}`} className="utrecht-form-label utrecht-form-label--checkbox">
                {tx('market.theme', x)}
              </label>
            </div>
          ))}
        </Fieldset>
        <TextField
          id="profile-groups"
          label={t('market.targetGroups')}
          description={t('market.targetGroupsHint')}
          value={groups}
          onChange={(e) => setGroups(e.target.value)}
          error={form.errors.targetGroups}
        />
        <TextField
          id="profile-location"
          label={t('market.location')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          error={form.errors.location}
        />
        {needs.map((n, i) => (
          <Fieldset key={i} legend={t('market.needN', { n: String(i + 1) })}>
            <SelectField
              id={`need-${i}-kind`}
              label={t('market.needKindLabel')}
              value={n.kind}
              onChange={(e) => setNeed(i, { kind: e.target.value as Need['kind'] })}
              error={form.errors[`needs.${i}.kind`]}
              options={needKinds.map((k) => ({ value: k, label: tx('market.needKind', k) }))}
            />
            <TextField
              id={`need-${i}-expertise`}
              label={t('market.expertise')}
              value={n.expertise}
              onChange={(e) => setNeed(i, { expertise: e.target.value })}
              error={form.errors[`needs.${i}.expertise`]}
            />
            <TextField
              id={`need-${i}-description`}
              label={t('market.needDescription')}
              value={n.description}
              onChange={(e) => setNeed(i, { description: e.target.value })}
              error={form.errors[`needs.${i}.description`]}
            />
            <TextField
              id={`need-${i}-quantity`}
              label={t('market.quantity')}
              inputMode="decimal"
              value={n.quantity}
              onChange={(e) => setNeed(i, { quantity: e.target.value })}
              error={form.errors[`needs.${i}.quantity`]}
            />
            <SelectField
              id={`need-${i}-status`}
              label={t('match.needStatus')}
              value={n.status}
              onChange={(e) => setNeed(i, { status: e.target.value as NeedDraft['status'] })}
              error={form.errors[`needs.${i}.status`]}
              options={(['open', 'closed'] as const).map((x) => ({
                value: x,
                label: tx('match.needStatusOption', x),
              }))}
            />
            <Button
              type="button"
              variant="subtle"
              onClick={() => setNeeds((all) => all.filter((_x, k) => k !== i))}
            >
              {t('market.removeNeed', { n: String(i + 1) })}
            </Button>
          </Fieldset>
        ))}
        <ButtonGroup>
          <Button
            type="button"
            onClick={() =>
              setNeeds((all) => [
                ...all,
                { status: 'open', kind: 'hours', expertise: '', description: '', quantity: '' },
              ])
            }
          >
            {t('market.addNeed')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('market.save')}
          </Button>
          {initiative.status === 'draft' || initiative.status === 'rejected' ? (
            <Button type="button" busy={busy} onClick={() => void submitForApproval()}>
              {t('market.submit')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
    </>
  );
}
