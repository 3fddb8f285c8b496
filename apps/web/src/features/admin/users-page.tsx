import { ROLES } from '@unblock/domain';
import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { Notice } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions, regionName, regionOptions } from '../../reference/names';
import { useOrganizations, useRegions } from '../../reference/reference-lists';
import type { FieldSpec } from './admin-form';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import { validateUser, validateUserEdit, type FormValues } from './admin-validation';
import { ListFilters } from './list-filters';
import { useUserAccountActions } from './user-account-actions';

/**
 * `/manage/users`: the accounts, each with one role in one organization and region. An admin edits one
 * (name, role, organization, region), deactivates or reactivates it, or resets its password; a change of
 * role, organization or region, or a deactivation, signs the user out everywhere at once.
 */
export function UsersPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const organizations = useOrganizations();
  const actions = useUserAccountActions();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.users.list(filters), (cursor) =>
    unwrapPage<User>(
      api.GET('/api/v1/users', {
        params: {
          query: {
            ...adminPageQuery(cursor),
            ...(filters as { role?: User['role'] }),
            ...(filters['active'] ? { active: filters['active'] === 'true' } : {}),
          },
        },
      }),
    ),
  );
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
  const scopeFields: FieldSpec[] = [
    {
      name: 'role',
      label: 'admin.role',
      required: true,
      placeholder: 'admin.pickRole',
      options: roleOptions,
    },
    {
      name: 'organizationId',
      label: 'admin.organization',
      placeholder: 'admin.pickOrganization',
      options: nameOptions(organizations.data),
    },
    {
      name: 'regionCode',
      label: 'admin.region',
      placeholder: 'admin.pickRegion',
      options: regionOptions(regions.data),
    },
  ];
  return (
    <AdminListPage
      title="admin.users"
      formTitle="admin.newUser"
      draftKey="user"
      list={list}
      resource={queryKeys.users.all}
      filtered={Object.keys(filters).length > 0}
      filters={
        <ListFilters
          searchLabel="adminList.searchUser"
          values={filters}
          onChange={setFilters}
          filters={[
            { name: 'role', label: 'admin.role', options: roleOptions },
            {
              name: 'active',
              label: 'adminList.status',
              options: [
                { value: 'true', label: t('users.active') },
                { value: 'false', label: t('users.inactive') },
              ],
            },
            { name: 'regionCode', label: 'admin.region', options: regionOptions(regions.data) },
          ]}
        />
      }
      columns={[
        { label: 'admin.name', value: (u: User) => u.name },
        { label: 'auth.email', value: (u: User) => u.email },
        { label: 'admin.role', value: (u: User) => t(`role.${u.role}`) },
        { label: 'admin.organization', value: (u: User) => nameOf(organizations.data, u.organizationId) },
        {
          label: 'admin.region',
          value: (u: User) => (u.regionCode === null ? '—' : regionName(regions.data, u.regionCode)),
        },
        {
          label: 'users.status',
          value: (u: User) => (
            <span className={u.active ? 'badge badge-active' : 'badge badge-inactive'}>
              {t(u.active ? 'users.active' : 'users.inactive')}
            </span>
          ),
        },
      ]}
      fields={[
        { name: 'email', label: 'auth.email', type: 'email', required: true },
        { name: 'name', label: 'admin.name', required: true },
        { name: 'password', label: 'auth.password', type: 'password', required: true, hint: 'account.policy' },
        ...scopeFields,
      ]}
      validate={validateUser}
      create={(body) => unwrap(api.POST('/api/v1/users', { body }))}
      edit={{
        label: (u: User) => u.name,
        fields: [{ name: 'name', label: 'admin.name', required: true }, ...scopeFields],
        initial: (u: User) => ({
          name: u.name,
          role: u.role,
          organizationId: u.organizationId ?? '',
          regionCode: u.regionCode ?? '',
        }),
        validate: validateUserEdit,
        update: (u: User, body) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: u.id } }, body })),
      }}
      rowActions={actions.rowActions}
      banner={
        <>
          <Notice kind="info">{t('users.selfNote')}</Notice>
          {actions.banner}
        </>
      }
    />
  );
}
