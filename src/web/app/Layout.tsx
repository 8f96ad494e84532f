import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '../i18n/I18nProvider.tsx';
import { useSession, type Role } from '../features/session/session.tsx';
import { Button, Link } from '../ui/Button.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';

interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

function navFor(role: Role | null): NavItem[] {
  switch (role) {
    case 'advisor':
      return [
        { to: '/dashboard', label: 'nav.dashboard' },
        { to: '/contracts', label: 'nav.contracts' },
        { to: '/suppliers', label: 'nav.suppliers' },
        { to: '/policies', label: 'nav.policies' },
        { to: '/marketplace/review', label: 'nav.initiativeReview' },
        { to: '/tender-advice', label: 'nav.tenderAdvice' },
        { to: '/estimate', label: 'nav.estimate' },
      ];
    case 'municipalityAdmin':
      return [
        { to: '/dashboard', label: 'nav.dashboard' },
        { to: '/contracts', label: 'nav.contracts' },
        { to: '/policies', label: 'nav.policies' },
        { to: '/marketplace/review', label: 'nav.initiativeReview' },
        { to: '/tender-advice', label: 'nav.tenderAdvice' },
        { to: '/users', label: 'nav.users' },
        { to: '/audit-log', label: 'nav.audit' },
      ];
    case 'contractManager':
      return [
        { to: '/contracts', label: 'nav.myContracts' },
        { to: '/tender-advice', label: 'nav.tenderAdvice' },
        { to: '/estimate', label: 'nav.estimate' },
      ];
    case 'supplier':
      return [
        { to: '/supplier', label: 'nav.myContracts', end: true },
        { to: '/marketplace', label: 'nav.marketplace' },
        { to: '/offer', label: 'nav.offer' },
        { to: '/pledges', label: 'nav.pledges' },
        { to: '/estimate', label: 'nav.estimate' },
      ];
    case 'verifier':
      return [{ to: '/contracts', label: 'nav.myContracts' }];
    case 'initiative':
      return [
        { to: '/initiative', label: 'nav.initiativeProfile', end: true },
        { to: '/initiative/pledges', label: 'nav.pledges' },
      ];
    case 'platformAdmin':
      return [
        { to: '/users', label: 'nav.users' },
        { to: '/audit-log', label: 'nav.audit' },
      ];
    default:
      return [
        { to: '/', label: 'nav.home', end: true },
        { to: '/estimate', label: 'nav.estimate' },
      ];
  }
}

/** Page frame: skip link, header with app and municipality, role navigation, main landmark, footer. */
export function Layout() {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After client-side navigation, move focus to the main landmark so keyboard and screen-reader users
  // start at the new content (the browser would otherwise keep focus on the clicked link).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) main.current?.focus();
  }, [location.pathname, location.hash]);

  const other = lang === 'nl' ? 'en' : 'nl';
  const items = navFor(me?.role ?? null);
  return (
    <div className="retour-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('skip.toContent')}
      </a>
      <header className="utrecht-page-header retour-header">
        <div className="retour-header__inner">
          <div className="retour-brand">
            <Link to={me ? '/' : '/'} className="retour-brand__name">
              {t('app.name')}
            </Link>
            <span className="retour-brand__tenant">{me?.tenant?.name || t('app.tagline')}</span>
          </div>
          <div className="retour-header__tools">
            <Button
              variant="subtle"
              lang={other}
              aria-label={t('lang.switchToLabel')}
              onClick={() => setLang(other)}
              className="retour-lang-switch"
            >
              {t('lang.switchTo')}
            </Button>
            {me ? (
              <>
                <NotificationBell />
                <span className="retour-header__user">
                  {t('header.signedInAs', { name: me.user.name })}
                  {me.role ? ` · ${t(`role.${me.role}` as MessageKey)}` : ''}
                </span>
                {me.memberships.length > 1 ? (
                  <Link to="/switch-tenant">{t('header.switchTenant')}</Link>
                ) : null}
                <Button
                  variant="secondary"
                  onClick={() => {
                    void signOut().finally(() => navigate('/sign-in?signedOut=1'));
                  }}
                >
                  {t('nav.signOut')}
                </Button>
              </>
            ) : (
              <Link to="/sign-in">{t('nav.signIn')}</Link>
            )}
          </div>
        </div>
        <nav className="utrecht-nav-bar retour-nav" aria-label={t('nav.label')}>
          <div className="utrecht-nav-bar__content">
            <ul className="utrecht-nav-list retour-nav__list">
              {items.map((item) => (
                <li className="utrecht-nav-list__item" key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end ?? false}
                    className="utrecht-nav-list__link retour-nav__link"
                  >
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main" className="utrecht-page-body retour-main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <footer className="utrecht-page-footer retour-footer">
        <div className="retour-footer__inner">
          <p className="utrecht-paragraph">
            {t('footer.text')}{' '}
            <a className="utrecht-link utrecht-link--html-a" href="/api/v1/openapi.json">
              {t('footer.api')}
            </a>
          </p>
        </div>
      </footer>
    </div>
  );
}
