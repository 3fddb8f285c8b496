import { CHAIN_ROLES, ENTERPRISE_SIZES } from '@unblock/domain';
import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Enterprise } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions, regionName, regionOptions } from '../../reference/names';
import { useChains, useRegions } from '../../reference/reference-lists';
import type { FieldSpec } from './admin-form';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import { validateEnterprise, validateEnterpriseEdit, type FormValues } from './admin-validation';
import { ListFilters } from './list-filters';
import { Link } from '../../app/router';

/** `/manage/enterprises`: the enterprises by credit code; an edit changes all but the credit code. */
export function EnterprisesPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const chains = useChains();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.enterprises.list(filters), (cursor) =>
    unwrapPage<Enterprise>(
      api.GET('/api/v1/enterprises', {
        params: {
          query: { ...adminPageQuery(cursor), ...(filters as { size?: Enterprise['size'] }) },
        },
      }),
    ),
  );
  const sizeOptions = ENTERPRISE_SIZES.map((size) => ({ value: size, label: t(`admin.size.${size}`) }));
  const fields: FieldSpec[] = [
    { name: 'uscc', label: 'admin.uscc', required: true, hint: 'admin.usccHint' },
    { name: 'name', label: 'admin.name', required: true },
    {
      name: 'regionCode',
      label: 'admin.region',
      required: true,
      placeholder: 'admin.pickRegion',
      options: regionOptions(regions.data),
    },
    {
      name: 'size',
      label: 'admin.size',
      required: true,
      placeholder: 'admin.pickSize',
      options: sizeOptions,
    },
    { name: 'chainId', label: 'admin.chain', placeholder: 'admin.noChain', options: nameOptions(chains.data) },
    {
      name: 'chainRole',
      label: 'admin.chainRole',
      placeholder: 'admin.pickChainRole',
      options: CHAIN_ROLES.map((role) => ({ value: role, label: t(`admin.chainRole.${role}`) })),
    },
    { name: 'contactName', label: 'admin.contactName' },
    { name: 'contactPhone', label: 'admin.contactPhone', hint: 'admin.contactPhoneHint' },
  ];
  return (
    <AdminListPage
      title="admin.enterprises"
      formTitle="admin.newEnterprise"
      draftKey="enterprise"
      list={list}
      resource={queryKeys.enterprises.all}
      filtered={Object.keys(filters).length > 0}
      filters={
        <ListFilters
          searchLabel="adminList.searchEnterprise"
          values={filters}
          onChange={setFilters}
          filters={[
            { name: 'regionCode', label: 'admin.region', options: regionOptions(regions.data) },
            { name: 'chainId', label: 'admin.chain', options: nameOptions(chains.data) },
            { name: 'size', label: 'admin.size', options: sizeOptions },
          ]}
        />
      }
      columns={[
        { label: 'admin.name', value: (e: Enterprise) => e.name },
        { label: 'admin.uscc', value: (e: Enterprise) => e.uscc },
        { label: 'admin.region', value: (e: Enterprise) => regionName(regions.data, e.regionCode) },
        { label: 'admin.size', value: (e: Enterprise) => t(`admin.size.${e.size}`) },
        { label: 'admin.chain', value: (e: Enterprise) => nameOf(chains.data, e.chainId) },
        {
          label: 'link.title',
          value: (e: Enterprise) => (
            // The accessible name starts with the visible words (WCAG 2.5.3), then says whose link it is.
            <Link to={`/enterprises/${e.id}/link`} aria-label={t('link.openFor', { name: e.name })}>
              {t('link.open')}
            </Link>
          ),
        },
      ]}
      fields={fields}
      validate={validateEnterprise}
      create={(body) => unwrap(api.POST('/api/v1/enterprises', { body }))}
      edit={{
        label: (e: Enterprise) => e.name,
        // The credit code is who the enterprise is: it is not edited.
        fields: fields.filter((field) => field.name !== 'uscc'),
        initial: (e: Enterprise) => ({
          name: e.name,
          regionCode: e.regionCode,
          size: e.size,
          chainId: e.chainId ?? '',
          chainRole: e.chainRole ?? '',
        }),
        validate: validateEnterpriseEdit,
        update: (e: Enterprise, body) =>
          unwrap(api.PATCH('/api/v1/enterprises/{id}', { params: { path: { id: e.id } }, body })),
      }}
    />
  );
}
