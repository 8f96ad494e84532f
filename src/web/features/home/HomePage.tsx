import { Navigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { homeOf, useSession } from '../session/session.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { PageTitle } from '../../ui/states.tsx';

/** The public front page; signed-in users go straight to the start page of their role. */
export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  if (me && homeOf(me.role) !== '/') return <Navigate to={homeOf(me.role)} replace />;
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <Paragraph lead>{t('home.lead')}</Paragraph>
      <div className="retour-grid">
        <section className="retour-card" aria-labelledby="home-estimate">
          <Heading level={2} appearance={3} id="home-estimate">
            {t('home.estimateTitle')}
          </Heading>
          <Paragraph>{t('home.estimateText')}</Paragraph>
          <ButtonLink to="/estimate" variant="primary">
            {t('home.estimateLink')}
          </ButtonLink>
        </section>
        {me ? null : (
          <section className="retour-card" aria-labelledby="home-sign-in">
            <Heading level={2} appearance={3} id="home-sign-in">
              {t('home.signInTitle')}
            </Heading>
            <Paragraph>{t('home.signInText')}</Paragraph>
            <ButtonLink to="/sign-in">{t('nav.signIn')}</ButtonLink>
          </section>
        )}
      </div>
    </>
  );
}
