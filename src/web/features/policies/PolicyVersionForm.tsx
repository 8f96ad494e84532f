import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { ActivityType } from '../../lib/model.ts';
import type { PolicyVersion, TenderRules } from '../../lib/policy-model.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';
import {
  activityTypeFieldMap,
  ActivityTypeEditor,
  collectActivityTypes,
  typeRowsOf,
  withTypes,
} from './ActivityTypeEditor.tsx';
import {
  collectSettings,
  PolicySettingsFields,
  settingsFieldMap,
  settingsOf,
} from './PolicySettingsFields.tsx';
import {
  collectTargetGroups,
  draftOf,
  TargetGroupEditor,
  targetGroupFieldMap,
} from './TargetGroupEditor.tsx';
import { collectTender, tenderDraftOf, tenderFieldMap, TenderRulesEditor } from './TenderRulesEditor.tsx';

/**
 * A new policy version, starting from the newest one: date, percentage, thresholds, reporting,
 * caps and the valuation catalogue (add, remove, edit activity types). The API validates the whole
 * version; its reasons appear by the fields, and nothing typed is lost.
 */
export function PolicyVersionForm({
  base,
  tenderDefaults,
  onSaved,
}: {
  base: PolicyVersion;
  /** Retour's tender rules, for a version without its own. */
  tenderDefaults: TenderRules;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const p = base.policy;
  const [settings, setSettings] = useState(() => settingsOf(p, lang));
  const [rows, setRows] = useState(() => typeRowsOf(p.activityTypes, lang));
  const [groups, setGroups] = useState(() => draftOf(p, lang));
  const [tender, setTender] = useState(() =>
    tenderDraftOf((p.tender as TenderRules | undefined) ?? tenderDefaults, lang),
  );
  const addTypes = (types: ActivityType[]) => setRows((all) => withTypes(all, types));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useFieldErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    const local: Record<string, string> = {};
    const notANumber = t('activity.notANumber');
    const required = t('common.required');
    const settingFields = collectSettings(
      settings,
      lang,
      { required, invalidAmount: t('common.invalidAmount'), notANumber },
      local,
    );
    const activityTypes = collectActivityTypes(rows, lang, { required, notANumber }, local);
    const targetGroupFields = collectTargetGroups(groups, lang, notANumber, local);
    const tenderRules = collectTender(tender, lang, notANumber, local);
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      const {
        planThresholdByKind: _k,
        exemptBelowCents: _e,
        obligationCapCents: _o,
        categoryCapsBp: _c,
        fullTimeHoursPerWeek: _f,
        minHoursPerWeek: _m,
        targetGroups: _g,
        bonuses: _b,
        targetGroupSource: _t,
        penaltyFactorBp: _p,
        ...rest
      } = p;
      const res = await api.post<{ version: number }>(endpoints.policies, {
        ...rest,
        ...settingFields,
        ...targetGroupFields,
        ...(tenderRules ? { tender: tenderRules } : {}),
        activityTypes,
      });
      setSaved(res.version);
      onSaved();
    } catch (error) {
      form.fromApi(error, {
        ...settingsFieldMap,
        ...activityTypeFieldMap(rows),
        ...targetGroupFieldMap(groups),
        ...tenderFieldMap(tender),
        activityTypes: rows.length ? 'at-0-code' : 'validFrom',
      });
    } finally {
      setBusy(false);
    }
  }

  const summary = Object.entries(form.errors)
    .filter(([, m]) => m)
    .map(([k, m]) => ({ fieldId: `policy-${k}`, message: m ?? '' }));

  return (
    <section aria-labelledby="policy-new" className="retour-card">
      <Heading level={2} id="policy-new">
        {t('policy.newTitle')}
      </Heading>
      <Paragraph>{t('policy.newLead')}</Paragraph>
      <div aria-live="polite">
        {saved !== null ? <Alert type="ok">{t('policy.saved', { version: saved })}</Alert> : null}
      </div>
      <ErrorSummary heading={t('common.formErrors')} errors={summary} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-stack" onSubmit={(e) => void submit(e)} noValidate>
        <PolicySettingsFields value={settings} onChange={setSettings} errors={form.errors} />
        <ActivityTypeEditor value={rows} onChange={setRows} errors={form.errors} />
        <TargetGroupEditor value={groups} onChange={setGroups} errors={form.errors} onTypes={addTypes} />
        <TenderRulesEditor value={tender} onChange={setTender} errors={form.errors} />
        <div>
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('policy.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
