import { ROLES } from '@unblock/domain';
import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions, regionOptions } from '../../reference/names';
import { useOrganizations, useRegions } from '../../reference/reference-lists';
import { ADMIN_PAGE_SIZE, AdminListPage } from './admin-list-page';
import { validateUser } from './admin-validation';

/** `/manage/users`: the accounts, each with one role in one organization and region. */
export function UsersPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const regions = useRegions();
  const organizations = useOrganizations();
  const list = usePagedList(queryKeys.users.list(), (cursor) =>
    unwrapPage<User>(api.GET('/api/v1/users', { params: { query: pageQuery(cursor, ADMIN_PAGE_SIZE) } })),
  );
  return (
    <AdminListPage
      title="admin.users"
      formTitle="admin.newUser"
      draftKey="user"
      list={list}
      resource={queryKeys.users.all}
      columns={[
        { label: 'admin.name', value: (u: User) => u.name },
        { label: 'auth.email', value: (u: User) => u.email },
        { label: 'admin.role', value: (u: User) => t(`role.${u.role}`) },
        { label: 'admin.organization', value: (u: User) => nameOf(organizations.data, u.organizationId) },
      ]}
      fields={[
        { name: 'email', label: 'auth.email', type: 'email', required: true },
        { name: 'name', label: 'admin.name', required: true },
        { name: 'password', label: 'auth.password', type: 'password', required: true, hint: 'admin.passwordHint' },
        {
          name: 'role',
          label: 'admin.role',
          required: true,
          placeholder: 'admin.pickRole',
          options: ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })),
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
      ]}
      validate={validateUser}
      create={(body) => unwrap(api.POST('/api/v1/users', { body }))}
    />
  );
}
