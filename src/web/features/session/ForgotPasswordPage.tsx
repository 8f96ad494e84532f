import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { Button, Link } from '../../ui/Button.tsx';
import { ErrorSummary, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, Notice, PageTitle } from '../../ui/states.tsx';
import { Paragraph } from '../../ui/text.tsx';

/**
 * "Forgot password": asks for a reset link by email. The answer is the same whether an account
 * exists or not (the API says nothing about accounts), and so is this page.
 */
export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFieldErrors();

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSentTo(null);
    const address = email.trim();
    if (!address) {
      form.setLocal({ email: t('common.required') });
      return;
    }
    setBusy(true);
    try {
      await api.post(endpoints.passwordResets, { email: address });
      setSentTo(address);
    } catch (error) {
      form.fromApi(error, { email: 'email' });
    } finally {
      setBusy(false);
    }
  }

  const errors = form.errors.email ? [{ fieldId: 'forgot-email', message: form.errors.email }] : [];
  return (
    <>
      <PageTitle title={t('forgot.title')}>{t('forgot.title')}</PageTitle>
      {sentTo ? (
        <Notice message={t('forgot.sent', { email: sentTo })} />
      ) : (
        <Paragraph>{t('forgot.lead')}</Paragraph>
      )}
      <ErrorSummary heading={t('common.formErrors')} errors={errors} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="forgot-email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors.email}
          required
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('forgot.submit')}
        </Button>
      </form>
      <Paragraph>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </Paragraph>
    </>
  );
}
