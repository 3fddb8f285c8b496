import { ADMIN, EVERYONE, NOBODY, NOT_A_UUID, type Endpoint } from './endpoint-table';

/** The industrial chains, each with a lead and a deputy bank. */
export const INDUSTRIAL_CHAIN_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/industrial-chains', url: () => '/api/v1/industrial-chains', roles: EVERYONE, success: 200 },
  {
    method: 'GET',
    path: '/industrial-chains/:id',
    url: (w) => `/api/v1/industrial-chains/${w.henanChainId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/industrial-chains',
    url: () => '/api/v1/industrial-chains',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      name: `链${Math.random().toString(36).slice(2)}`,
      regionCode: '410100',
      leadBankId: w.henanBankId,
      deputyBankId: w.henanBank2Id,
      memberOrgIds: [w.institutionId, w.hubeiBankId],
    }),
    tables: ['industrial_chains', 'industrial_chain_members'],
    bad: [
      {
        why: 'a lead bank that is a regulator',
        body: (w) => ({ name: 'x', regionCode: '410100', leadBankId: w.regulatorId, deputyBankId: w.henanBank2Id }),
        field: 'leadBankId',
      },
      {
        why: 'the deputy equal to the lead',
        body: (w) => ({ name: 'x', regionCode: '410100', leadBankId: w.henanBankId, deputyBankId: w.henanBankId }),
        field: 'deputyBankId',
      },
      {
        why: 'a member id that is not a uuid',
        body: (w) => ({
          name: 'x',
          regionCode: '410100',
          leadBankId: w.henanBankId,
          deputyBankId: w.henanBank2Id,
          memberOrgIds: [NOT_A_UUID],
        }),
        field: 'memberOrgIds',
      },
      {
        why: 'a member that does not exist',
        body: (w) => ({
          name: 'x',
          regionCode: '410100',
          leadBankId: w.henanBankId,
          deputyBankId: w.henanBank2Id,
          memberOrgIds: [NOBODY],
        }),
        field: 'memberOrgIds',
      },
      {
        why: 'members that are not a list',
        body: (w) => ({
          name: 'x',
          regionCode: '410100',
          leadBankId: w.henanBankId,
          deputyBankId: w.henanBank2Id,
          memberOrgIds: w.institutionId,
        }),
        field: 'memberOrgIds',
      },
      {
        why: 'no deputy',
        body: (w) => ({ name: 'x', regionCode: '410100', leadBankId: w.henanBankId }),
        field: 'deputyBankId',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/industrial-chains/:id',
    url: (w) => `/api/v1/industrial-chains/${w.henanChainId}`,
    roles: ADMIN,
    success: 200,
    body: (w) => ({ leadBankId: w.henanBankId, deputyBankId: w.henanBank2Id, memberOrgIds: [w.institutionId] }),
    tables: ['industrial_chains', 'industrial_chain_members'],
    bad: [
      { why: 'a lead bank that is a regulator', body: (w) => ({ leadBankId: w.regulatorId }), field: 'leadBankId' },
      { why: 'the lead bank made the deputy', body: (w) => ({ deputyBankId: w.henanBankId }), field: 'deputyBankId' },
      { why: 'a member that does not exist', body: () => ({ memberOrgIds: [NOBODY] }), field: 'memberOrgIds' },
      { why: 'a region code of five digits', body: () => ({ regionCode: '41010' }), field: 'regionCode' },
      { why: 'an empty name', body: () => ({ name: ' ' }), field: 'name' },
    ],
  },
];
