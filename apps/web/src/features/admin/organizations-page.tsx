import { ORGANIZATION_KINDS } from '@unblock/domain';
import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Organization } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { regionName, regionOptions } from '../../reference/names';
import { useRegions } from '../../reference/reference-lists';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import { validateOrganization, validateOrganizationEdit, type FormValues } from './admin-validation';
import { ListFilters } from './list-filters';

/** `/manage/organizations`: regulators, banks and other institutions; an edit sets a name or a webhook. */
export function OrganizationsPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.organizations.list(filters), (cursor) =>
    unwrapPage<Organization>(
      api.GET('/api/v1/organizations', {
        params: {
          query: { ...adminPageQuery(cursor), ...(filters as { kind?: Organization['kind'] }) },
        },
      }),
    ),
  );
  const kindOptions = ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.kind.${kind}`) }));
  return (
    <AdminListPage
      title="admin.organizations"
      formTitle="admin.newOrganization"
      draftKey="organization"
      list={list}
      resource={queryKeys.organizations.all}
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
        { label: 'admin.name', value: (o: Organization) => o.name },
        { label: 'admin.kind', value: (o: Organization) => t(`admin.kind.${o.kind}`) },
        { label: 'admin.region', value: (o: Organization) => regionName(regions.data, o.regionCode) },
        {
          label: 'admin.webhook',
          value: (o: Organization) => t(o.webhookConfigured ? 'admin.webhookOn' : 'admin.webhookOff'),
        },
      ]}
      edit={{
        label: (o: Organization) => o.name,
        fields: [
          { name: 'name', label: 'admin.name', required: true },
          { name: 'webhookUrl', label: 'admin.webhookUrl', hint: 'admin.webhookUrlHint' },
          { name: 'webhookSecret', label: 'admin.webhookSecret', type: 'password', hint: 'admin.webhookSecretHint' },
          {
            name: 'webhook',
            label: 'admin.webhook',
            placeholder: 'admin.webhookKeep',
            options: [{ value: 'remove', label: t('admin.webhookRemove') }],
          },
        ],
        initial: (o: Organization) => ({ name: o.name }),
        validate: validateOrganizationEdit,
        update: (o: Organization, body) =>
          unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id: o.id } }, body })),
      }}
      fields={[
        {
          name: 'kind',
          label: 'admin.kind',
          required: true,
          placeholder: 'admin.pickKind',
          options: ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.kind.${kind}`) })),
        },
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'regionCode',
          label: 'admin.region',
          required: true,
          placeholder: 'admin.pickRegion',
          options: regionOptions(regions.data),
        },
      ]}
      validate={validateOrganization}
      create={(body) => unwrap(api.POST('/api/v1/organizations', { body }))}
    />
  );
}
