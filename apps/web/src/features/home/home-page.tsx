import type { ReactNode } from 'react';
import type { Role } from '../../api/types';
import { navigationFor } from '../../app/route-table';
import { Link } from '../../app/router';
import { useUser } from '../../auth/auth';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

const INTRODUCTION: Record<Role, MessageKey> = {
  field_officer: 'home.fieldOfficer',
  bank_manager: 'home.bankManager',
  supervisor: 'home.supervisor',
  admin: 'home.admin',
  partner_officer: 'home.partnerOfficer',
};

/** The start page of every role: a greeting, what the role's work is, and its pages, the first one foremost. */
export function HomePage(): ReactNode {
  const { t } = useI18n();
  const user = useUser();
  const pages = navigationFor(user.role).filter((route) => route.path !== '/');
  return (
    <Page title={t('home.title', { name: user.name })}>
      <p>{t(INTRODUCTION[user.role])}</p>
      {pages.length > 0 && (
        <ul className="home-links">
          {pages.map((route, i) => (
            <li key={route.path}>
              <Link to={route.path} className={i === 0 ? 'button-link home-primary' : 'button-link'}>
                {t(route.title)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
