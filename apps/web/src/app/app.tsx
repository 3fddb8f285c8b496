import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createQueryClient } from '../api/query-client';
import { AuthProvider, signInPath, useAuth } from '../auth/auth';
import { CHANGE_PASSWORD_PATH } from '../auth/change-password-page';
import { SignInPage } from '../auth/sign-in-page';
import { Page } from '../components/page';
import { OfflineReadsProvider } from '../features/field-officer/offline-reads';
import { OutboxProvider } from '../features/field-officer/outbox-context';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { Layout } from './layout';
import { allows, findRoute } from './route-table';
import { Link, Router, useRouter } from './router';
import { PORTAL_PATH } from '../features/portal/portal-path';
import { lazyPage } from './lazy-page';

const PortalPage = lazyPage(() => import('../features/portal/portal-page'), 'PortalPage');

/** Signed out: the sign-in page (remembering where the user was going); signed in: the page in the layout. */
function Shell(): ReactNode {
  const { t } = useI18n();
  const { user, mustChangePassword } = useAuth();
  const { location, navigate } = useRouter();
  const onSignIn = location.path === '/sign-in';
  const next = location.query.get('next');
  useEffect(() => {
    // From the router's state, never from window.location, which may already be the next page's.
    const search = location.query.toString();
    if (!user && !onSignIn) navigate(signInPath(location.path + (search ? `?${search}` : '')), { replace: true });
    if (user && mustChangePassword && location.path !== CHANGE_PASSWORD_PATH) {
      navigate(CHANGE_PASSWORD_PATH, { replace: true });
    } else if (user && onSignIn) {
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [user, mustChangePassword, onSignIn, location.path, location.query, next, navigate]);

  if (!user) return onSignIn ? <SignInPage /> : null;
  if (onSignIn || (mustChangePassword && location.path !== CHANGE_PASSWORD_PATH)) return null;
  const found = findRoute(location.path);
  const page =
    found === undefined ? (
      <Page title={t('app.notFound')}>
        <Link to="/">{t('app.backHome')}</Link>
      </Page>
    ) : !allows(found.route, user.role) ? (
      <Page title={t('app.forbidden')}>
        <Link to="/">{t('app.backHome')}</Link>
      </Page>
    ) : (
      found.route.render(found.params)
    );
  return (
    <OutboxProvider>
      <OfflineReadsProvider>
        <Layout title={found ? t(found.route.title) : t('app.notFound')}>{page}</Layout>
      </OfflineReadsProvider>
    </OutboxProvider>
  );
}

/** The enterprise's own page (`/e/<token>`) needs no account; every other page is the console's. */
function Entry(): ReactNode {
  const { location } = useRouter();
  const portal = PORTAL_PATH.exec(location.path);
  if (portal?.[1]) return <PortalPage token={portal[1]} />;
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

export function App(): ReactNode {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Router>
          <Entry />
        </Router>
      </QueryClientProvider>
    </I18nProvider>
  );
}
