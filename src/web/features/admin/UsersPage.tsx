import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { List, Supplier } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { useAllPages } from '../../lib/useAllPages.ts';
import { Button, ButtonGroup } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, Notice, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { Alert, Heading } from '../../ui/text.tsx';
import { currentMembership, staffRoles, useSession } from '../session/session.tsx';

/** One row of GET /users: a user's role in this municipality. */
interface UserRow {
  id: string;
  membershipId: string;
  name: string;
  email: string;
  role: string;
  supplierName: string | null;
  /** The account is disabled (everywhere). */
  disabled: boolean;
  /** This role in this municipality is disabled by its admin. */
  membershipDisabled: boolean;
  invitationPending: boolean;
}
const invitable = ['advisor', 'contractManager', 'municipalityAdmin', 'supplier', 'verifier'] as const;

/** What the last action on a member came to: a message to announce, or the API's error. */
type Outcome = { message: string } | { error: ApiError } | null;

/** Users of the organisation: disabling, changing a staff role, removing, inviting (again). */
export default function UsersPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const ownMembershipId = me ? currentMembership(me)?.id : undefined;
  const users = useResource<List<UserRow>>(endpoints.users);
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function act(action: () => Promise<string>) {
    setOutcome(null);
    try {
      setOutcome({ message: await action() });
    } catch (error) {
      setOutcome({ error: error as ApiError });
    } finally {
      users.reload();
    }
  }
  const suppliers = useAllPages<Supplier>(endpoints.suppliers);
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
      {outcome && 'message' in outcome ? <Notice message={outcome.message} /> : null}
      {outcome && 'error' in outcome ? <ErrorAlert error={outcome.error} /> : null}
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
                  u.disabled || u.membershipDisabled
                    ? t('common.no')
                    : u.invitationPending
                      ? t('users.pending')
                      : t('common.yes'),
              },
              {
                key: 'm',
                header: t('users.manage'),
                cell: (u) =>
                  u.membershipId === ownMembershipId ? (
                    t('users.self')
                  ) : (
                    <MemberActions member={u} act={act} />
                  ),
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

/** The actions on one member: disable or enable, change a staff role, resend the invitation, remove. */
function MemberActions({ member, act }: { member: UserRow; act: (action: () => Promise<string>) => void }) {
  const { t } = useI18n();
  const name = member.name || member.email;
  const [role, setRole] = useState(member.role);
  const isStaff = (staffRoles as readonly string[]).includes(member.role);
  const path = endpoints.membership(member.membershipId);
  return (
    <div className="retour-member-actions">
      {isStaff ? (
        <div className="retour-inline-field">
          <select
            className="utrecht-select utrecht-select--html-select"
            aria-label={t('users.roleLabel', { name })}
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            {staffRoles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <Button
            aria-label={t('users.roleSaveLabel', { name })}
            disabled={role === member.role}
            onClick={() =>
              act(async () => {
                await api.patch(path, { role });
                return t('users.roleChanged', { name, role: t(`role.${role}` as MessageKey) });
              })
            }
          >
            {t('users.roleSave')}
          </Button>
        </div>
      ) : null}
      <ButtonGroup>
        <Button
          aria-label={t(member.membershipDisabled ? 'users.enableLabel' : 'users.disableLabel', { name })}
          onClick={() =>
            act(async () => {
              await api.patch(path, { disabled: !member.membershipDisabled });
              return t(member.membershipDisabled ? 'users.enabled' : 'users.disabled', { name });
            })
          }
        >
          {t(member.membershipDisabled ? 'users.enable' : 'users.disable')}
        </Button>
        {member.invitationPending && !member.membershipDisabled ? (
          <Button
            aria-label={t('users.resendLabel', { name })}
            onClick={() =>
              act(async () => {
                await api.post(endpoints.membershipInvitation(member.membershipId));
                return t('users.resent', { email: member.email });
              })
            }
          >
            {t('users.resend')}
          </Button>
        ) : null}
        {!member.invitationPending && !member.membershipDisabled && !member.disabled ? (
          <Button
            aria-label={t('users.sendResetLabel', { name })}
            onClick={() =>
              act(async () => {
                await api.post(endpoints.membershipPasswordReset(member.membershipId));
                return t('users.resetSent', { email: member.email });
              })
            }
          >
            {t('users.sendReset')}
          </Button>
        ) : null}
        <ConfirmButton
          label={t('users.remove')}
          ariaLabel={t('users.removeLabel', { name })}
          question={t('users.removeQuestion', { name })}
          confirmLabel={t('users.removeConfirm')}
          onConfirm={() =>
            act(async () => {
              await api.delete(path);
              return t('users.removed', { name });
            })
          }
        />
      </ButtonGroup>
    </div>
  );
}
