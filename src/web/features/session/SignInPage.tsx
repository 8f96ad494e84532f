import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button, Link } from '../../ui/Button.tsx';
import { ErrorSummary, TextField } from '../../ui/fields.tsx';
import { ErrorAlert, PageTitle } from '../../ui/states.tsx';
import { Alert, Paragraph } from '../../ui/text.tsx';
import { homeOf, useSession } from './session.tsx';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function SignInPage() {
  const { t } = useI18n();
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [other, setOther] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  if (me && !busy) return <Navigate to={safeNext(params.get('next')) ?? homeOf(me.role)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailed(null);
    setOther(null);
    const m = {
      ...(email.trim() ? {} : { email: t('common.required') }),
      ...(password ? {} : { password: t('common.required') }),
    };
    setMissing(m);
    if (m.email || m.password) return;
    setBusy(true);
    try {
      const signed = await signIn(email.trim(), password);
      void navigate(
        signed.memberships.length > 1
          ? '/switch-tenant'
          : (safeNext(params.get('next')) ?? homeOf(signed.role)),
        {
          replace: true,
        },
      );
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && (error.status === 401 || error.status === 400))
        setFailed(t('signIn.failed'));
      else if (error instanceof ApiError && error.status === 429) setFailed(t('signIn.rateLimited'));
      else setOther(error instanceof ApiError ? error : new ApiError(0, String(error)));
    } finally {
      setBusy(false);
    }
  }

  const errors = [
    { fieldId: 'sign-in-email', message: missing.email ?? failed ?? undefined },
    { fieldId: 'sign-in-password', message: missing.password },
  ].filter((x): x is { fieldId: string; message: string } => Boolean(x.message));

  return (
    <>
      <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      {params.get('signedOut') ? <Alert type="ok">{t('signIn.signedOut')}</Alert> : null}
      <Paragraph>{t('signIn.lead')}</Paragraph>
      <ErrorSummary heading={t('common.formErrors')} errors={errors} />
      {other ? <ErrorAlert error={other} /> : null}
      <form className="retour-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="sign-in-email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={missing.email ?? failed ?? undefined}
          required
        />
        <TextField
          id="sign-in-password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing.password}
          required
        />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {t('signIn.submit')}
        </Button>
      </form>
      <Paragraph>
        <Link to="/forgot-password">{t('forgot.link')}</Link>
      </Paragraph>
      <Paragraph small>{t('signIn.demoHint')}</Paragraph>
    </>
  );
}
