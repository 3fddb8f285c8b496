import { CAMPAIGN_KINDS, SCREENING_MODES } from '@unblock/domain';
import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Campaign } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOptions, regionOptions } from '../../reference/names';
import { useRegions, useSlaPolicies } from '../../reference/reference-lists';
import { ADMIN_PAGE_SIZE, AdminListPage } from './admin-list-page';
import { validateCampaign } from './admin-validation';

/** `/manage/campaigns`: the visiting campaigns, each with its region, period and SLA policy. */
export function CampaignsPage(): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const policies = useSlaPolicies();
  const list = usePagedList(queryKeys.campaigns.list(), (cursor) =>
    unwrapPage<Campaign>(api.GET('/api/v1/campaigns', { params: { query: pageQuery(cursor, ADMIN_PAGE_SIZE) } })),
  );
  return (
    <AdminListPage
      title="admin.campaigns"
      formTitle="admin.newCampaign"
      draftKey="campaign"
      list={list}
      resource={queryKeys.campaigns.all}
      columns={[
        { label: 'admin.name', value: (c: Campaign) => c.name },
        { label: 'admin.kind', value: (c: Campaign) => t(`admin.campaignKind.${c.kind}`) },
        { label: 'admin.region', value: (c: Campaign) => c.regionCode },
        { label: 'admin.period', value: (c: Campaign) => `${day(c.startsOn)} – ${day(c.endsOn)}` },
        { label: 'screening.campaignScreening', value: (c: Campaign) => t(`screening.mode.${c.screening}`) },
      ]}
      fields={[
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'kind',
          label: 'admin.kind',
          required: true,
          placeholder: 'admin.pickKind',
          options: CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: t(`admin.campaignKind.${kind}`) })),
        },
        {
          name: 'regionCode',
          label: 'admin.region',
          required: true,
          placeholder: 'admin.pickRegion',
          options: regionOptions(regions.data),
        },
        { name: 'startsOn', label: 'admin.startsOn', type: 'date', required: true },
        { name: 'endsOn', label: 'admin.endsOn', type: 'date', required: true },
        {
          name: 'slaPolicyId',
          label: 'admin.slaPolicy',
          placeholder: 'admin.defaultPolicy',
          options: nameOptions(policies.data),
        },
        {
          name: 'screening',
          label: 'screening.campaignScreening',
          placeholder: 'screening.mode.none',
          options: SCREENING_MODES.filter((m) => m !== 'none').map((m) => ({
            value: m,
            label: t(`screening.mode.${m}`),
          })),
        },
      ]}
      validate={validateCampaign}
      create={(body) => unwrap(api.POST('/api/v1/campaigns', { body }))}
    />
  );
}
