import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { SlaPolicy } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions } from '../../reference/names';
import { useCalendars } from '../../reference/reference-lists';
import type { FieldSpec } from './admin-form';
import { AdminListPage, adminPageQuery } from './admin-list-page';
import type { FormValues } from './admin-validation';
import { ListFilters } from './list-filters';
import { validateSlaPolicy, validateSlaPolicyEdit } from './reference-validation';
import { durationText, SLA_DURATIONS, splitDuration, unitKey } from './sla-durations';

/**
 * `/manage/sla-policies`: the deadlines of each obligation, typed as people say them (3 个工作日), on a
 * calendar of business days. An edit applies to the deadlines that start afterwards.
 */
export function SlaPoliciesPage(): ReactNode {
  const { t, locale } = useI18n();
  const { api } = useAuth();
  const calendars = useCalendars();
  const [filters, setFilters] = useState<FormValues>({});
  const list = usePagedList(queryKeys.slaPolicies.list(filters), (cursor) =>
    unwrapPage<SlaPolicy>(
      api.GET('/api/v1/sla-policies', { params: { query: { ...adminPageQuery(cursor), ...filters } } }),
    ),
  );
  // The hint once, under the first duration: the others are written the same way.
  const durationFields: FieldSpec[] = SLA_DURATIONS.map((key, i) => ({
    name: key,
    label: `admin.sla.${key}`,
    duration: true,
    ...(i === 0 ? { hint: 'admin.durationHint' as const } : {}),
  }));
  const fields: FieldSpec[] = [
    { name: 'name', label: 'admin.name', required: true },
    {
      name: 'calendarId',
      label: 'admin.calendar',
      required: true,
      placeholder: 'admin.pickCalendar',
      options: nameOptions(calendars.data),
    },
    ...durationFields,
    {
      name: 'isDefault',
      label: 'admin.policyDefault',
      hint: 'admin.policyDefaultHint',
      placeholder: 'admin.policyNotDefault',
      options: [{ value: 'yes', label: t('admin.policyIsDefault') }],
    },
  ];
  return (
    <AdminListPage
      title="admin.slaPolicies"
      formTitle="admin.newSlaPolicy"
      draftKey="sla-policy"
      list={list}
      resource={queryKeys.slaPolicies.all}
      filtered={Object.keys(filters).length > 0}
      filters={<ListFilters searchLabel="adminList.searchName" values={filters} onChange={setFilters} />}
      columns={[
        {
          label: 'admin.name',
          value: (p: SlaPolicy) =>
            !p.isDefault
              ? p.name
              : locale === 'zh-CN'
                ? `${p.name}（${t('admin.default')}）`
                : `${p.name} (${t('admin.default')})`,
        },
        ...SLA_DURATIONS.map((key) => ({
          label: `admin.sla.${key}` as const,
          value: (p: SlaPolicy) => <span className="nowrap">{durationText(p[key], t)}</span>,
        })),
        { label: 'admin.calendar', value: (p: SlaPolicy) => nameOf(calendars.data, p.calendarId) },
      ]}
      fields={fields}
      validate={validateSlaPolicy}
      create={(body) => unwrap(api.POST('/api/v1/sla-policies', { body }))}
      edit={{
        label: (p: SlaPolicy) => p.name,
        fields,
        note: 'admin.policyEditNote',
        initial: (p: SlaPolicy) => {
          const values: FormValues = { name: p.name, calendarId: p.calendarId, isDefault: p.isDefault ? 'yes' : '' };
          for (const key of SLA_DURATIONS) {
            const { amount, unit } = splitDuration(p[key]);
            values[key] = amount;
            values[unitKey(key)] = unit;
          }
          return values;
        },
        validate: validateSlaPolicyEdit,
        update: (p: SlaPolicy, body) =>
          unwrap(api.PATCH('/api/v1/sla-policies/{id}', { params: { path: { id: p.id } }, body })),
      }}
    />
  );
}
