import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { homeOf, useSession } from './session.tsx';

/** For users with memberships in several organisations: pick the one to work in. */
export default function SwitchTenantPage() {
  const { t } = useI18n();
  const { me, switchTenant } = useSession();
  const navigate = useNavigate();
  const [tenantId, setTenantId] = useState(me?.tenant?.id ?? me?.memberships[0]?.tenantId ?? '');
  const [busy, setBusy] = useState(false);
  const form = useFieldErrors();
  if (!me) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      await switchTenant(tenantId);
      const role = me?.memberships.find((m) => m.tenantId === tenantId)?.role ?? null;
      void navigate(homeOf(role), { replace: true });
    } catch (error) {
      form.fromApi(error, { tenantId: 'tenantId' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={t('tenant.title')}>{t('tenant.title')}</PageTitle>
      <Paragraph>{t('tenant.lead')}</Paragraph>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)}>
        <SelectField
          label={t('tenant.choose')}
          value={tenantId}
          onChange={(e) => setTenantId(e.target.value)}
          error={form.errors.tenantId}
          options={me.memberships.flatMap((m) =>
            m.tenantId
              ? [
                  {
                    value: m.tenantId,
                    label: `${m.tenantName ?? ''} — ${t(`role.${m.role}` as MessageKey)}${m.supplierName ? ` (${m.supplierName})` : ''}`,
                  },
                ]
              : [],
          )}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('tenant.submit')}
        </Button>
      </form>
    </>
  );
}
