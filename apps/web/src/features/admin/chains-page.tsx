import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Chain } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions, regionName, regionOptions } from '../../reference/names';
import { useBanks, useOrganizations, useRegions } from '../../reference/reference-lists';
import type { FieldSpec } from './admin-form';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import type { FormValues } from './admin-validation';
import { ListFilters } from './list-filters';
import { validateChain, validateChainEdit } from './reference-validation';

/**
 * `/manage/chains`: the industrial chains of the "1+2+N" model, each with its lead bank (主办行), deputy
 * lead bank (协办行) and member institutions (成员机构池); an edit changes where the needs routed from now
 * on go.
 */
export function ChainsPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const banks = useBanks();
  const organizations = useOrganizations();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.chains.list(filters), (cursor) =>
    unwrapPage<Chain>(
      api.GET('/api/v1/industrial-chains', {
        params: { query: { ...adminPageQuery(cursor), ...filters } },
      }),
    ),
  );
  const bankOptions = nameOptions(banks.data);
  const fields: FieldSpec[] = [
    { name: 'name', label: 'admin.name', required: true },
    {
      name: 'regionCode',
      label: 'admin.region',
      required: true,
      placeholder: 'admin.pickRegion',
      options: regionOptions(regions.data),
    },
    {
      name: 'leadBankId',
      label: 'admin.leadBank',
      required: true,
      placeholder: 'admin.pickBank',
      options: bankOptions,
    },
    {
      name: 'deputyBankId',
      label: 'admin.deputyBank',
      required: true,
      placeholder: 'admin.pickBank',
      options: bankOptions,
    },
    {
      name: 'memberOrgIds',
      label: 'admin.members',
      hint: 'admin.membersHint',
      multiple: true,
      options: nameOptions(organizations.data?.filter((o) => o.kind !== 'regulator')),
    },
  ];
  return (
    <AdminListPage
      title="admin.chains"
      formTitle="admin.newChain"
      draftKey="chain"
      list={list}
      resource={queryKeys.chains.all}
      filtered={Object.keys(filters).length > 0}
      filters={
        <ListFilters
          searchLabel="adminList.searchName"
          values={filters}
          onChange={setFilters}
          filters={[{ name: 'regionCode', label: 'admin.region', options: regionOptions(regions.data) }]}
        />
      }
      columns={[
        { label: 'admin.name', value: (c: Chain) => c.name },
        { label: 'admin.region', value: (c: Chain) => regionName(regions.data, c.regionCode) },
        { label: 'admin.leadBank', value: (c: Chain) => nameOf(banks.data, c.leadBankId) },
        { label: 'admin.deputyBank', value: (c: Chain) => nameOf(banks.data, c.deputyBankId) },
        {
          label: 'admin.members',
          value: (c: Chain) => (
            <span title={c.memberOrgIds.map((id) => nameOf(organizations.data, id)).join('、')}>
              {t('admin.memberCount', { count: c.memberOrgIds.length })}
            </span>
          ),
        },
      ]}
      fields={fields}
      validate={validateChain}
      create={(body) => unwrap(api.POST('/api/v1/industrial-chains', { body }))}
      edit={{
        label: (c: Chain) => c.name,
        fields,
        note: 'admin.chainEditNote',
        initial: (c: Chain) => ({
          name: c.name,
          regionCode: c.regionCode,
          leadBankId: c.leadBankId,
          deputyBankId: c.deputyBankId,
          memberOrgIds: c.memberOrgIds.join(','),
        }),
        validate: validateChainEdit,
        update: (c: Chain, body) =>
          unwrap(api.PATCH('/api/v1/industrial-chains/{id}', { params: { path: { id: c.id } }, body })),
      }}
    />
  );
}
