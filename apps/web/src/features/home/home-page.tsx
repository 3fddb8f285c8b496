import type { ReactNode } from 'react';
import { navigationFor } from '../../app/route-table';
import { Link } from '../../app/router';
import { useUser } from '../../auth/auth';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';

/** The start page of every role: a greeting and the role's pages. */
export function HomePage(): ReactNode {
  const { t } = useI18n();
  const user = useUser();
  const pages = navigationFor(user.role).filter((route) => route.path !== '/');
  return (
    <Page title={t('home.title', { name: user.name })}>
      <p>{user.role === 'field_officer' ? t('home.fieldOfficer') : t('home.otherRole')}</p>
      {pages.length > 0 && (
        <ul className="home-links">
          {pages.map((route) => (
            <li key={route.path}>
              <Link to={route.path} className="button-link">
                {t(route.title)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
