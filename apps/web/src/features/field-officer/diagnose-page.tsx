import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Visit } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useEnterprise } from '../../reference/enterprise-names';
import { regionName } from '../../reference/names';
import { useCampaigns, useRegions } from '../../reference/reference-lists';
import { DiagnosePanel } from './diagnose-panel';
import { OutboxPanel } from './outbox-panel';
import { VisitSubject } from './visit-subject';

/**
 * `/visits/:id/diagnose`: a need diagnosed later, from a visit of "My visits", under the enterprise and visit
 * it is for; the form appears once the enterprise's name is known (the outbox, listed below, names the need by it).
 */
export function DiagnosePage({ visitId }: { visitId: string }): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const visit = useQuery({
    queryKey: queryKeys.visits.detail(visitId),
    queryFn: () => unwrap<Visit>(api.GET('/api/v1/visits/{id}', { params: { path: { id: visitId } } })),
  });
  const enterprise = useEnterprise(api, visit.data?.enterpriseId);
  const regions = useRegions();
  const campaigns = useCampaigns();
  const enterpriseName = enterprise.data?.name;
  return (
    <Page title={t('diagnose.title')}>
      <VisitSubject
        facts={{
          enterpriseName,
          enterprise: {
            uscc: enterprise.data?.uscc,
            district: enterprise.data ? regionName(regions.data, enterprise.data.regionCode) : undefined,
          },
          visit: visit.data && {
            ...visit.data,
            campaignName: campaigns.data?.find((c) => c.id === visit.data.campaignId)?.name,
          },
        }}
      >
        <ProblemBanner error={visit.error ?? enterprise.error} />
      </VisitSubject>
      {enterpriseName !== undefined && <DiagnosePanel visit={{ id: visitId }} enterpriseName={enterpriseName} />}
      <OutboxPanel />
    </Page>
  );
}
