import { ADMIN, EVERYONE, NOBODY, type Endpoint } from './endpoint-table';

/** The campaigns. */
export const CAMPAIGN_ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'GET',
    path: '/campaigns',
    url: () => '/api/v1/campaigns?activeOn=2026-06-01',
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'GET',
    path: '/campaigns/:id',
    url: (w) => `/api/v1/campaigns/${w.provinceCampaignId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/campaigns',
    url: () => '/api/v1/campaigns',
    roles: ADMIN,
    success: 201,
    body: () => ({
      name: '郑州走访',
      kind: 'gm_visits',
      regionCode: '410100',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    }),
    tables: ['campaigns'],
    bad: [
      {
        why: 'a kind outside the list',
        body: () => ({ name: 'x', kind: 'party', regionCode: '410100', startsOn: '2026-01-01', endsOn: '2026-06-30' }),
        field: 'kind',
      },
      {
        why: 'a month 13',
        body: () => ({ name: 'x', kind: 'other', regionCode: '410100', startsOn: '2026-13-01', endsOn: '2026-06-30' }),
        field: 'startsOn',
      },
      {
        why: 'a date with a time',
        body: () => ({
          name: 'x',
          kind: 'other',
          regionCode: '410100',
          startsOn: '2026-01-01T00:00:00Z',
          endsOn: '2026-06-30',
        }),
        field: 'startsOn',
      },
      {
        why: 'an end before the start',
        body: () => ({ name: 'x', kind: 'other', regionCode: '410100', startsOn: '2026-06-01', endsOn: '2026-01-01' }),
        field: 'endsOn',
      },
      {
        why: 'an SLA policy that does not exist',
        body: () => ({
          name: 'x',
          kind: 'other',
          regionCode: '410100',
          startsOn: '2026-01-01',
          endsOn: '2026-06-30',
          slaPolicyId: NOBODY,
        }),
        field: 'slaPolicyId',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/campaigns/:id',
    url: (w) => `/api/v1/campaigns/${w.hubeiCampaignId}`,
    roles: ADMIN,
    success: 200,
    body: (w) => ({
      endsOn: '2026-09-30',
      slaPolicyId: w.slaPolicyId,
      targetVisits: 255,
      targetNeeds: 865,
      targetSignedAmount: '3145000000.00',
      screening: 'none',
    }),
    tables: ['campaigns'],
    bad: [
      { why: 'a screening outside the list', body: () => ({ screening: 'sometimes' }), field: 'screening' },
      { why: 'an end before the start', body: () => ({ endsOn: '2025-01-01' }), field: 'endsOn' },
      { why: 'a start after the end', body: () => ({ startsOn: '2027-01-01' }), field: 'startsOn' },
      { why: 'an SLA policy that does not exist', body: () => ({ slaPolicyId: NOBODY }), field: 'slaPolicyId' },
      { why: 'a negative visit target', body: () => ({ targetVisits: -1 }), field: 'targetVisits' },
      { why: 'an amount target as a number', body: () => ({ targetSignedAmount: 31.45 }), field: 'targetSignedAmount' },
      { why: 'a kind outside the list', body: () => ({ kind: 'party' }), field: 'kind' },
    ],
  },
];
