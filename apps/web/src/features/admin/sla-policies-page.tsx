import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { SlaPolicy } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions } from '../../reference/names';
import { useCalendars } from '../../reference/reference-lists';
import type { FieldSpec } from './admin-form';
import { ADMIN_PAGE_SIZE, AdminListPage } from './admin-list-page';
import { SLA_DURATIONS, validateSlaPolicy } from './admin-validation';

/** `/manage/sla-policies`: the deadlines of each obligation, on a calendar of business days. */
export function SlaPoliciesPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const calendars = useCalendars();
  const list = usePagedList(queryKeys.slaPolicies.list(), (cursor) =>
    unwrapPage<SlaPolicy>(api.GET('/api/v1/sla-policies', { params: { query: pageQuery(cursor, ADMIN_PAGE_SIZE) } })),
  );
  const durationFields: FieldSpec[] = SLA_DURATIONS.map((key) => ({
    name: key,
    label: `admin.sla.${key}`,
    hint: 'admin.durationHint',
  }));
  return (
    <AdminListPage
      title="admin.slaPolicies"
      formTitle="admin.newSlaPolicy"
      draftKey="sla-policy"
      list={list}
      resource={queryKeys.slaPolicies.all}
      columns={[
        { label: 'admin.name', value: (p: SlaPolicy) => (p.isDefault ? `${p.name} (${t('admin.default')})` : p.name) },
        ...SLA_DURATIONS.map((key) => ({ label: `admin.sla.${key}` as const, value: (p: SlaPolicy) => p[key] })),
        { label: 'admin.calendar', value: (p: SlaPolicy) => nameOf(calendars.data, p.calendarId) },
      ]}
      fields={[
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'calendarId',
          label: 'admin.calendar',
          required: true,
          placeholder: 'admin.pickCalendar',
          options: nameOptions(calendars.data),
        },
        ...durationFields,
      ]}
      validate={validateSlaPolicy}
      create={(body) => unwrap(api.POST('/api/v1/sla-policies', { body }))}
    />
  );
}
