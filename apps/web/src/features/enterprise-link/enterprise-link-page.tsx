import type { ReactNode } from 'react';
import { useAuth } from '../../auth/auth';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { useEnterprise } from '../../reference/enterprise-names';
import { EnterpriseLinkPanel } from './enterprise-link-panel';

/** The enterprise's record as officers, supervisors and admins keep its link: its name and the link panel. */
export function EnterpriseLinkPage({ enterpriseId }: { enterpriseId: string }): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const enterprise = useEnterprise(api, enterpriseId);
  return (
    <Page title={enterprise.data ? t('link.page', { name: enterprise.data.name }) : t('link.title')}>
      <EnterpriseLinkPanel enterpriseId={enterpriseId} />
    </Page>
  );
}
