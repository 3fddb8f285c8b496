import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useAuth, useUser } from '../auth/auth';
import { CHANGE_PASSWORD_PATH } from '../auth/change-password-page';
import { LanguageSwitch } from '../components/language-switch';
import { useOutboxState } from '../features/field-officer/outbox-context';
import { waitingText } from '../features/field-officer/outbox-panel';
import { useI18n } from '../i18n/i18n';
import { navigationFor } from './route-table';
import { Link, useRouter } from './router';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the device believes it is online (it may be wrong; the outbox retries either way). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** Online or not, and how many visits and needs wait on this device. */
function ConnectionStatus(): ReactNode {
  const { t } = useI18n();
  const online = useOnline();
  const { entries } = useOutboxState();
  return (
    <p className={online ? 'connection online' : 'connection offline'} role="status" data-testid="connection">
      {online ? t('app.online') : t('app.offline')}
      {entries.length > 0 && <> · {waitingText(t, entries)}</>}
    </p>
  );
}

/**
 * The frame of every signed-in page: the skip link, the header (who is signed in: name, role,
 * organization; the language; sign out), the role's navigation, and the page. On navigation the focus
 * moves to the new page's heading.
 */
export function Layout({ title, children }: { title: string; children: ReactNode }): ReactNode {
  const { t } = useI18n();
  const { signOut, organizationName, mustChangePassword } = useAuth();
  const user = useUser();
  const { location } = useRouter();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [location.path, title, t]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="who" aria-label={t('auth.user')} data-testid="who">
          <span className="who-name">{user.name}</span>
          <span className="who-detail">
            {t(`role.${user.role}`)}
            {organizationName && <> · {organizationName}</>}
          </span>
        </div>
        <LanguageSwitch />
        <Link to={CHANGE_PASSWORD_PATH} className="account-link">
          {t('account.password')}
        </Link>
        <button type="button" className="secondary" onClick={signOut}>
          {t('auth.signOut')}
        </button>
      </header>
      <nav className="side-nav" aria-label={t('nav.label')}>
        <ul>
          {(mustChangePassword ? [] : navigationFor(user.role)).map((route) => (
            <li key={route.path}>
              <Link to={route.path} aria-current={route.path === location.path ? 'page' : undefined}>
                {t(route.title)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <ConnectionStatus />
        {children}
      </main>
    </div>
  );
}
