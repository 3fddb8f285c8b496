import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Calendar } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { FieldSpec } from './admin-form';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import { validateCalendar, validateCalendarEdit } from './admin-validation';

const CALENDAR_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'admin.name', required: true },
  { name: 'holidays', label: 'admin.holidays', hint: 'admin.daysHint' },
  { name: 'workdays', label: 'admin.workdays', hint: 'admin.workdaysHint' },
];

/** `/manage/calendars`: business-day calendars (public holidays off, adjusted working days on). */
export function CalendarsPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const list = usePagedList(queryKeys.calendars.list(), (cursor) =>
    unwrapPage<Calendar>(api.GET('/api/v1/calendars', { params: { query: adminPageQuery(cursor) } })),
  );
  return (
    <AdminListPage
      title="admin.calendars"
      formTitle="admin.newCalendar"
      draftKey="calendar"
      list={list}
      resource={queryKeys.calendars.all}
      columns={[
        { label: 'admin.name', value: (c: Calendar) => c.name },
        { label: 'admin.holidays', value: (c: Calendar) => t('admin.dayCount', { count: c.holidays.length }) },
        { label: 'admin.workdays', value: (c: Calendar) => t('admin.dayCount', { count: c.workdays.length }) },
      ]}
      fields={CALENDAR_FIELDS}
      validate={validateCalendar}
      create={(body) => unwrap(api.POST('/api/v1/calendars', { body }))}
      edit={{
        label: (c: Calendar) => c.name,
        fields: CALENDAR_FIELDS,
        initial: (c: Calendar) => ({ name: c.name, holidays: c.holidays.join(', '), workdays: c.workdays.join(', ') }),
        validate: validateCalendarEdit,
        update: (c: Calendar, body) =>
          unwrap(api.PATCH('/api/v1/calendars/{id}', { params: { path: { id: c.id } }, body })),
      }}
    />
  );
}
