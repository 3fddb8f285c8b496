import { ADMIN, ANY_ROLE, EVERYONE, NOBODY, type Endpoint } from './endpoint-table';

/** The SLA settings (calendars, policies), the escalation queue and the inbox. */
export const SLA_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/calendars', url: () => '/api/v1/calendars', roles: EVERYONE, success: 200 },
  {
    method: 'POST',
    path: '/calendars',
    url: () => '/api/v1/calendars',
    roles: ADMIN,
    success: 201,
    body: () => ({ name: `日历${Math.random().toString(36).slice(2)}`, holidays: ['2027-01-01'], workdays: [] }),
    tables: ['calendars'],
    bad: [
      { why: 'a holiday that is not a date', body: () => ({ name: 'x', holidays: ['2027-02-30'] }), field: 'holidays' },
      { why: 'holidays that are not a list', body: () => ({ name: 'x', holidays: '2027-01-01' }), field: 'holidays' },
      { why: 'no name', body: () => ({ holidays: [] }), field: 'name' },
    ],
  },
  { method: 'GET', path: '/sla-policies', url: () => '/api/v1/sla-policies', roles: EVERYONE, success: 200 },
  {
    method: 'POST',
    path: '/sla-policies',
    url: () => '/api/v1/sla-policies',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      name: `策略${Math.random().toString(36).slice(2)}`,
      calendarId: w.calendarId,
      claim: 'PT30S',
      decision: '5BD',
    }),
    tables: ['sla_policies'],
    bad: [
      {
        why: 'a duration that is neither',
        body: (w) => ({ name: 'x', calendarId: w.calendarId, claim: '3 days' }),
        field: 'claim',
      },
      {
        why: 'a negative duration',
        body: (w) => ({ name: 'x', calendarId: w.calendarId, signing: '-1BD' }),
        field: 'signing',
      },
      { why: 'a calendar that does not exist', body: () => ({ name: 'x', calendarId: NOBODY }), field: 'calendarId' },
      { why: 'a calendar id that is not a uuid', body: () => ({ name: 'x', calendarId: 'cal' }), field: 'calendarId' },
    ],
  },
  {
    method: 'PATCH',
    path: '/sla-policies/:id',
    url: (w) => `/api/v1/sla-policies/${w.slaPolicyId}`,
    roles: ADMIN,
    success: 200,
    body: () => ({ decision: '15BD', remindBefore: '1BD' }),
    tables: ['sla_policies'],
    bad: [
      { why: 'calendar days typed as the old hint said', body: () => ({ claim: '3 days' }), field: 'claim' },
      { why: 'a calendar that does not exist', body: () => ({ calendarId: NOBODY }), field: 'calendarId' },
      { why: 'the default unset', body: () => ({ isDefault: false }), field: 'isDefault' },
      { why: 'an empty name', body: () => ({ name: '' }), field: 'name' },
    ],
  },
  {
    method: 'GET',
    path: '/escalations',
    url: () => '/api/v1/escalations?level=1&status=open',
    roles: ['admin', 'supervisor'],
    success: 200,
  },
  {
    method: 'GET',
    path: '/me/notifications',
    url: () => '/api/v1/me/notifications?unread=true',
    roles: ANY_ROLE,
    success: 200,
  },
];
