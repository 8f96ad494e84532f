import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { List, Supplier } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Heading } from '../../ui/text.tsx';

/** One row of GET /users: a user's role in this municipality. */
interface UserRow {
  id: string;
  membershipId: string;
  name: string;
  email: string;
  role: string;
  supplierName: string | null;
  disabled: boolean;
  invitationPending: boolean;
}
const invitable = ['advisor', 'contractManager', 'municipalityAdmin', 'supplier'] as const;

/** Users of the organisation, and inviting a new one. */
export default function UsersPage() {
  const { t } = useI18n();
  const users = useResource<List<UserRow>>(endpoints.users);
  const suppliers = useResource<List<Supplier>>(endpoints.suppliers);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('advisor');
  const [supplierId, setSupplierId] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useFieldErrors();

  async function invite(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setDone(null);
    setBusy(true);
    try {
      await api.post(endpoints.invitations, {
        email: email.trim(),
        name: name.trim(),
        role,
        ...(role === 'supplier' ? { supplierId } : {}),
      });
      setDone(t('users.invited', { email: email.trim() }));
      setEmail('');
      setName('');
      users.reload();
    } catch (error) {
      form.fromApi(error, { email: 'email', name: 'name', role: 'role', supplierId: 'supplierId' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={t('users.title')}>{t('users.title')}</PageTitle>
      <ResourceView resource={users}>
        {(list) => (
          <Table
            caption={t('users.caption')}
            captionHidden
            rows={list.items}
            rowKey={(u) => u.membershipId}
            empty={t('common.none')}
            columns={[
              { key: 'n', header: t('users.name'), rowHeader: true, cell: (u) => u.name || u.email },
              { key: 'e', header: t('signIn.email'), cell: (u) => u.email },
              {
                key: 'r',
                header: t('users.role'),
                cell: (u) =>
                  u.supplierName
                    ? `${t(`role.${u.role}` as MessageKey)} (${u.supplierName})`
                    : t(`role.${u.role}` as MessageKey),
              },
              {
                key: 'd',
                header: t('users.active'),
                cell: (u) =>
                  u.disabled ? t('common.no') : u.invitationPending ? t('users.pending') : t('common.yes'),
              },
            ]}
          />
        )}
      </ResourceView>
      <section aria-labelledby="users-invite" className="retour-card">
        <Heading level={2} id="users-invite">
          {t('users.invite')}
        </Heading>
        {done ? <Alert type="ok">{done}</Alert> : null}
        {form.formError ? <ErrorAlert error={form.formError} /> : null}
        <form className="retour-form" onSubmit={(e) => void invite(e)} noValidate>
          <TextField
            label={t('signIn.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={form.errors.email}
            autoComplete="off"
            required
          />
          <TextField
            label={t('users.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={form.errors.name}
            autoComplete="off"
          />
          <SelectField
            label={t('users.role')}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            error={form.errors.role}
            options={invitable.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          {role === 'supplier' ? (
            <SelectField
              label={t('contracts.supplier')}
              value={supplierId}
              onChange={(e) => setSupplierId(e.target.value)}
              error={form.errors.supplierId}
              options={[
                { value: '', label: t('activity.choose') },
                ...(suppliers.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
              ]}
            />
          ) : null}
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('users.inviteSubmit')}
          </Button>
        </form>
      </section>
    </>
  );
}
