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

/** Which enterprise and which visit a diagnosis is for: name, credit code, district; the visit's day, kind, campaign and summary. */
function DiagnosisSubject({ visitId }: { visitId: string }): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const visit = useQuery({
    queryKey: queryKeys.visits.detail(visitId),
    queryFn: () => unwrap<Visit>(api.GET('/api/v1/visits/{id}', { params: { path: { id: visitId } } })),
  });
  const enterprise = useEnterprise(api, visit.data?.enterpriseId);
  const regions = useRegions();
  const campaigns = useCampaigns();
  const campaign = campaigns.data?.find((c) => c.id === visit.data?.campaignId);
  return (
    <section className="panel" aria-labelledby="diagnosis-subject" data-testid="diagnosis-subject">
      <h2 id="diagnosis-subject">{enterprise.data?.name ?? t('app.loading')}</h2>
      <ProblemBanner error={visit.error ?? enterprise.error} />
      <dl className="facts">
        <dt>{t('fo.uscc')}</dt>
        <dd>{enterprise.data?.uscc ?? '—'}</dd>
        <dt>{t('fo.district')}</dt>
        <dd>{enterprise.data ? regionName(regions.data, enterprise.data.regionCode) : '—'}</dd>
        <dt>{t('fo.visit')}</dt>
        <dd>
          {visit.data
            ? [day(visit.data.visitedOn), t(`kind.${visit.data.kind}`), campaign?.name].filter(Boolean).join(' · ')
            : '—'}
        </dd>
        {visit.data?.summary && (
          <>
            <dt>{t('visit.summary')}</dt>
            <dd className="summary">{visit.data.summary}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** `/visits/:id/diagnose`: a need diagnosed later, from a visit of "My visits", under the enterprise and visit it is for. */
export function DiagnosePage({ visitId }: { visitId: string }): ReactNode {
  const { t } = useI18n();
  return (
    <Page title={t('diagnose.title')}>
      <DiagnosisSubject visitId={visitId} />
      <DiagnosePanel visitId={visitId} />
    </Page>
  );
}
