import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';

/**
 * The page behind an invitation or password-reset link (`…#token=…`): the token stays in the
 * fragment, so it never reaches a server log; the new password is sent with it once.
 */
export default function SetPasswordPage({ purpose }: { purpose: 'invitation' | 'passwordReset' }) {
  const { t } = useI18n();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const form = useFieldErrors();
  const title = purpose === 'invitation' ? t('setPassword.invitationTitle') : t('setPassword.resetTitle');

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    if (password !== repeat) {
      form.setLocal({ repeat: t('setPassword.mismatch') });
      return;
    }
    setBusy(true);
    try {
      await api.post(
        purpose === 'invitation' ? endpoints.invitationAcceptance : endpoints.passwordResetCompletion,
        {
          token,
          password,
        },
      );
      setDone(true);
    } catch (error) {
      form.fromApi(error, { password: 'password' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {done ? (
        <Alert type="ok">
          <Paragraph>
            {t('setPassword.done')} <Link to="/sign-in">{t('signIn.submit')}</Link>
          </Paragraph>
        </Alert>
      ) : !token ? (
        <Alert type="error">
          <Paragraph>{t('setPassword.noToken')}</Paragraph>
          {purpose === 'passwordReset' ? (
            <Paragraph>
              <Link to="/forgot-password">{t('forgot.again')}</Link>
            </Paragraph>
          ) : null}
        </Alert>
      ) : (
        <>
          <Paragraph>{t('setPassword.lead')}</Paragraph>
          {form.formError ? <ErrorAlert error={form.formError} /> : null}
          {form.formError && purpose === 'passwordReset' ? (
            <Paragraph>
              <Link to="/forgot-password">{t('forgot.again')}</Link>
            </Paragraph>
          ) : null}
          <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
            <TextField
              label={t('setPassword.password')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={form.errors.password}
              description={t('setPassword.rule')}
              required
            />
            <TextField
              label={t('setPassword.repeat')}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={form.errors.repeat}
              required
            />
            <Button type="submit" variant="primary" busy={busy} disabled={busy}>
              {t('setPassword.submit')}
            </Button>
          </form>
        </>
      )}
    </>
  );
}
