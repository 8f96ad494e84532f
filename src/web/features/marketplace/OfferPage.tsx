import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { formatNumber, parseDecimal, parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, Link } from '../../ui/Button.tsx';
import { Fieldset, TextField, TextareaField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { marketEndpoints, needKinds, themes, type NeedKind, type Strengths } from './model.ts';

/** "Ons aanbod": the supplier states what it can offer and what it has an affinity with. */
export default function OfferPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const strengths = useResource<Strengths>(me?.supplierId ? marketEndpoints.strengths(me.supplierId) : null);
  return (
    <>
      <PageTitle title={t('offer.title')}>{t('offer.title')}</PageTitle>
      <Paragraph>{t('offer.lead')}</Paragraph>
      <ResourceView resource={strengths}>{(s) => <OfferForm strengths={s} />}</ResourceView>
    </>
  );
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function Checkboxes<T extends string>({
  legend,
  name,
  options,
  chosen,
  onChange,
  label,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  chosen: T[];
  onChange: (next: T[]) => void;
  label: (x: T) => string;
}) {
  return (
    <Fieldset legend={legend}>
      {options.map((x) => (
        <div key={x} className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id={`${name}-${x}`}
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={chosen.includes(x)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, x] : chosen.filter((y) => y !== x))}
          />
          <label htmlFor={`${name}-${x}`} className="utrecht-form-label utrecht-form-label--checkbox">
            {label(x)}
          </label>
        </div>
      ))}
    </Fieldset>
  );
}

function OfferForm({ strengths }: { strengths: Strengths }) {
  const { t, tx, lang } = useI18n();
  const [kinds, setKinds] = useState<NeedKind[]>(strengths.kinds);
  const [expertise, setExpertise] = useState(strengths.expertise.join(', '));
  const show = (n: number | null) => (n === null ? '' : formatNumber(n, lang));
  const [hours, setHours] = useState(show(strengths.hoursCapacity));
  const [goods, setGoods] = useState(show(strengths.goodsCapacity));
  const [money, setMoney] = useState(
    strengths.moneyCapacityCents === null ? '' : formatNumber(strengths.moneyCapacityCents / 100, lang),
  );
  const [places, setPlaces] = useState(show(strengths.placesCapacity));
  const [chosenThemes, setThemes] = useState<string[]>(strengths.themes);
  const [groups, setGroups] = useState(strengths.targetGroups.join(', '));
  const [description, setDescription] = useState(strengths.description);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFieldErrors();

  async function save(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(false);
    const local: Record<string, string> = {};
    const number = (field: string, raw: string, parse: (s: string) => number | null) => {
      if (!raw.trim()) return null;
      // without the thousands separators formatNumber wrote ("1.000" in Dutch, "1,000" in English)
      const n = parse(raw.replace(lang === 'nl' ? /\./g : /,/g, ''));
      if (n === null) local[field] = t('activity.notANumber');
      return n;
    };
    const hoursCapacity = number('hoursCapacity', hours, parseDecimal);
    const goodsCapacity = number('goodsCapacity', goods, parseDecimal);
    const placesCapacity = number('placesCapacity', places, parseDecimal);
    const moneyCents = money.trim() ? parseEuros(money, lang) : null;
    if (money.trim() && moneyCents === null) local.moneyCapacityCents = t('activity.notANumber');
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      await api.put(marketEndpoints.strengths(strengths.supplierId), {
        kinds,
        expertise: list(expertise),
        hoursCapacity,
        goodsCapacity,
        moneyCapacityCents: moneyCents,
        placesCapacity,
        themes: chosenThemes,
        targetGroups: list(groups),
        description,
      });
      setSaved(true);
    } catch (error) {
      form.fromApi(error, {
        kinds: 'kinds',
        expertise: 'expertise',
        hoursCapacity: 'hoursCapacity',
        goodsCapacity: 'goodsCapacity',
        moneyCapacityCents: 'moneyCapacityCents',
        placesCapacity: 'placesCapacity',
        themes: 'themes',
        targetGroups: 'targetGroups',
        description: 'description',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {saved ? (
        <Alert type="ok" heading={t('offer.saved')}>
          <Link to="/marketplace">{t('offer.toMarketplace')}</Link>
        </Alert>
      ) : null}
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void save(e)} noValidate>
        <Checkboxes
          legend={t('offer.kinds')}
          name="offer-kind"
          options={needKinds}
          chosen={kinds}
          onChange={setKinds}
          label={(k) => tx('offer.kind', k)}
        />
        <TextField
          id="offer-expertise"
          label={t('offer.expertise')}
          description={t('offer.expertiseHint')}
          value={expertise}
          onChange={(e) => setExpertise(e.target.value)}
          error={form.errors.expertise}
        />
        <TextField
          id="offer-hours"
          label={t('offer.hoursCapacity')}
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={form.errors.hoursCapacity}
        />
        <TextField
          id="offer-goods"
          label={t('offer.goodsCapacity')}
          inputMode="numeric"
          value={goods}
          onChange={(e) => setGoods(e.target.value)}
          error={form.errors.goodsCapacity}
        />
        <TextField
          id="offer-money"
          label={t('offer.moneyCapacity')}
          inputMode="decimal"
          value={money}
          onChange={(e) => setMoney(e.target.value)}
          error={form.errors.moneyCapacityCents}
        />
        <TextField
          id="offer-places"
          label={t('offer.placesCapacity')}
          inputMode="numeric"
          value={places}
          onChange={(e) => setPlaces(e.target.value)}
          error={form.errors.placesCapacity}
        />
        <Checkboxes
          legend={t('offer.themes')}
          name="offer-theme"
          options={themes}
          chosen={chosenThemes as (typeof themes)[number][]}
          onChange={setThemes}
          label={(x) => tx('market.theme', x)}
        />
        <TextField
          id="offer-groups"
          label={t('offer.targetGroups')}
          description={t('market.targetGroupsHint')}
          value={groups}
          onChange={(e) => setGroups(e.target.value)}
          error={form.errors.targetGroups}
        />
        <TextareaField
          id="offer-description"
          label={t('offer.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={form.errors.description}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {t('offer.save')}
        </Button>
      </form>
    </>
  );
}
