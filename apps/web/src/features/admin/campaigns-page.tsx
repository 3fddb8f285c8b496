import { CAMPAIGN_KINDS, SCREENING_MODES } from '@unblock/domain';
import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Campaign } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions, regionName, regionOptions } from '../../reference/names';
import { useRegions, useSlaPolicies } from '../../reference/reference-lists';
import type { FieldSpec } from './admin-form';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import type { FormValues } from './admin-validation';
import { ListFilters } from './list-filters';
import { percent } from '../supervisor/report-figures';
import { validateCampaign, validateCampaignEdit } from './reference-validation';

/** `/manage/campaigns`: the campaigns (专项行动), each with its region, period, SLA policy and targets. */
export function CampaignsPage(): ReactNode {
  const { t, day, money } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const policies = useSlaPolicies();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.campaigns.list(filters), (cursor) =>
    unwrapPage<Campaign>(
      api.GET('/api/v1/campaigns', {
        params: { query: { ...adminPageQuery(cursor), ...(filters as { kind?: Campaign['kind'] }) } },
      }),
    ),
  );
  const kindOptions = CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: t(`admin.campaignKind.${kind}`) }));
  const fields: FieldSpec[] = [
    { name: 'name', label: 'admin.name', required: true },
    { name: 'kind', label: 'admin.kind', required: true, placeholder: 'admin.pickKind', options: kindOptions },
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
    { name: 'targetVisits', label: 'admin.targetVisits', inputMode: 'numeric' },
    { name: 'targetNeeds', label: 'admin.targetNeeds', inputMode: 'numeric' },
    { name: 'targetSignedAmount', label: 'admin.targetSignedAmount', hint: 'admin.targetSignedAmountHint' },
    {
      name: 'screening',
      label: 'screening.campaignScreening',
      placeholder: 'screening.mode.none',
      options: SCREENING_MODES.filter((m) => m !== 'none').map((m) => ({ value: m, label: t(`screening.mode.${m}`) })),
    },
  ];
  // Edited only: a new campaign takes its thresholds once it runs.
  const editFields: FieldSpec[] = [
    ...fields,
    { name: 'claimsOnTime', label: 'bulletin.threshold.claimsOnTime', hint: 'campaign.thresholdHint' },
    { name: 'creditedRate', label: 'bulletin.threshold.creditedRate', hint: 'campaign.thresholdHint' },
  ];
  const thresholds = (c: Campaign): string =>
    [
      c.laggardThresholds.claimsOnTime === undefined
        ? ''
        : `${t('bulletin.threshold.claimsOnTime')} ${percent(c.laggardThresholds.claimsOnTime)}`,
      c.laggardThresholds.creditedRate === undefined
        ? ''
        : `${t('bulletin.threshold.creditedRate')} ${percent(c.laggardThresholds.creditedRate)}`,
    ]
      .filter((part) => part !== '')
      .join('; ') || '—';
  const targets = (c: Campaign): string =>
    c.targetVisits === null && c.targetNeeds === null && c.targetSignedAmount === null
      ? t('admin.noTarget')
      : t('admin.targetsShown', {
          visits: c.targetVisits ?? '—',
          needs: c.targetNeeds ?? '—',
          amount: c.targetSignedAmount === null ? '—' : money(c.targetSignedAmount),
        });
  return (
    <AdminListPage
      title="admin.campaigns"
      formTitle="admin.newCampaign"
      draftKey="campaign"
      list={list}
      resource={queryKeys.campaigns.all}
      filtered={Object.keys(filters).length > 0}
      filters={
        <ListFilters
          searchLabel="adminList.searchName"
          values={filters}
          onChange={setFilters}
          filters={[
            { name: 'kind', label: 'admin.kind', options: kindOptions },
            { name: 'regionCode', label: 'admin.region', options: regionOptions(regions.data) },
          ]}
        />
      }
      columns={[
        { label: 'admin.name', value: (c: Campaign) => c.name },
        { label: 'admin.kind', value: (c: Campaign) => t(`admin.campaignKind.${c.kind}`) },
        { label: 'admin.region', value: (c: Campaign) => regionName(regions.data, c.regionCode) },
        { label: 'admin.period', value: (c: Campaign) => `${day(c.startsOn)} – ${day(c.endsOn)}` },
        { label: 'screening.campaignScreening', value: (c: Campaign) => t(`screening.mode.${c.screening}`) },
        {
          label: 'admin.slaPolicy',
          value: (c: Campaign) =>
            c.slaPolicyId === null ? t('admin.defaultPolicy') : nameOf(policies.data, c.slaPolicyId),
        },
        { label: 'admin.targets', value: targets },
        { label: 'campaign.laggardThresholds', value: thresholds },
      ]}
      fields={fields}
      validate={validateCampaign}
      create={(body) => unwrap(api.POST('/api/v1/campaigns', { body }))}
      edit={{
        label: (c: Campaign) => c.name,
        fields: editFields,
        note: 'admin.campaignEditNote',
        initial: (c: Campaign) => ({
          name: c.name,
          kind: c.kind,
          regionCode: c.regionCode,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          slaPolicyId: c.slaPolicyId ?? '',
          targetVisits: c.targetVisits === null ? '' : String(c.targetVisits),
          targetNeeds: c.targetNeeds === null ? '' : String(c.targetNeeds),
          targetSignedAmount: c.targetSignedAmount ?? '',
          screening: c.screening === 'none' ? '' : c.screening,
          claimsOnTime: c.laggardThresholds.claimsOnTime ?? '',
          creditedRate: c.laggardThresholds.creditedRate ?? '',
        }),
        validate: validateCampaignEdit,
        update: (c: Campaign, body) =>
          unwrap(api.PATCH('/api/v1/campaigns/{id}', { params: { path: { id: c.id } }, body })),
      }}
    />
  );
}
