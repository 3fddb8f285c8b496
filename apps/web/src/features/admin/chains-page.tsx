import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Chain } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { nameOf, nameOptions, regionOptions } from '../../reference/names';
import { useBanks, useRegions } from '../../reference/reference-lists';
import { ADMIN_PAGE_SIZE, AdminListPage } from './admin-list-page';
import { validateChain } from './admin-validation';

/** `/manage/chains`: the industrial chains of the "1+2+N" model, each with its lead and deputy lead bank. */
export function ChainsPage(): ReactNode {
  const { api } = useAuth();
  const regions = useRegions();
  const banks = useBanks();
  const list = usePagedList(queryKeys.chains.list(), (cursor) =>
    unwrapPage<Chain>(api.GET('/api/v1/industrial-chains', { params: { query: pageQuery(cursor, ADMIN_PAGE_SIZE) } })),
  );
  const bankOptions = nameOptions(banks.data);
  return (
    <AdminListPage
      title="admin.chains"
      formTitle="admin.newChain"
      draftKey="chain"
      list={list}
      resource={queryKeys.chains.all}
      columns={[
        { label: 'admin.name', value: (c: Chain) => c.name },
        { label: 'admin.region', value: (c: Chain) => c.regionCode },
        { label: 'admin.leadBank', value: (c: Chain) => nameOf(banks.data, c.leadBankId) },
        { label: 'admin.deputyBank', value: (c: Chain) => nameOf(banks.data, c.deputyBankId) },
      ]}
      fields={[
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
      ]}
      validate={validateChain}
      create={(body) => unwrap(api.POST('/api/v1/industrial-chains', { body }))}
    />
  );
}
