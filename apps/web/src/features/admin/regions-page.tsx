import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Region } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { regionName, regionOptions } from '../../reference/names';
import { useRegions } from '../../reference/reference-lists';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import { validateRegion, type FormValues } from './admin-validation';
import { ListFilters } from './list-filters';

/** `/manage/regions`: the administrative divisions (GB/T 2260 codes), each under its parent. */
export function RegionsPage(): ReactNode {
  const { api } = useAuth();
  const regions = useRegions();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.regions.list(filters), (cursor) =>
    unwrapPage<Region>(api.GET('/api/v1/regions', { params: { query: { ...adminPageQuery(cursor), ...filters } } })),
  );
  return (
    <AdminListPage
      title="admin.regions"
      formTitle="admin.newRegion"
      draftKey="region"
      list={list}
      resource={queryKeys.regions.all}
      filtered={Object.keys(filters).length > 0}
      filters={<ListFilters searchLabel="adminList.searchRegion" values={filters} onChange={setFilters} />}
      columns={[
        { label: 'admin.code', value: (r: Region) => r.code },
        { label: 'admin.name', value: (r: Region) => r.name },
        {
          label: 'admin.parent',
          value: (r: Region) => (r.parentCode === null ? '—' : regionName(regions.data, r.parentCode)),
        },
      ]}
      fields={[
        { name: 'code', label: 'admin.code', required: true, inputMode: 'numeric', hint: 'admin.regionCodeHint' },
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'parentCode',
          label: 'admin.parent',
          placeholder: 'admin.noParent',
          options: regionOptions(regions.data),
        },
      ]}
      validate={validateRegion}
      create={(body) => unwrap(api.POST('/api/v1/regions', { body }))}
    />
  );
}
