import { ADMIN, EVERYONE, type Endpoint } from './endpoint-table';

/** The decline-reason catalogue. */
export const DECLINE_REASON_ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'GET',
    path: '/decline-reasons',
    url: () => '/api/v1/decline-reasons?limit=100',
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/decline-reasons',
    url: () => '/api/v1/decline-reasons',
    roles: ADMIN,
    success: 201,
    body: () => ({
      code: `social_insurance_arrears_${Math.random().toString(36).slice(2, 8)}`,
      name: '社保欠缴',
      repairable: true,
      repairPath: '到社保经办机构补缴欠费后，银行可重新审查。',
      repairerKind: 'government_department',
    }),
    tables: ['decline_reasons'],
    bad: [
      { why: 'a code with capitals', body: () => ({ code: 'TaxArrears', name: 'x' }), field: 'code' },
      { why: 'no name', body: () => ({ code: 'no_name' }), field: 'name' },
      {
        why: 'a repairer outside the list',
        body: () => ({ code: 'x_kind', name: 'x', repairable: true, repairPath: 'x', repairerKind: 'court' }),
        field: 'repairerKind',
      },
      {
        why: 'repairable with no repair path',
        body: () => ({ code: 'x_path', name: 'x', repairable: true, repairerKind: 'enterprise' }),
        field: 'repairPath',
      },
      {
        why: 'a repair path on a reason that is not repairable',
        body: () => ({ code: 'x_not', name: 'x', repairPath: '补齐材料' }),
        field: 'repairPath',
      },
      { why: 'a code already taken', body: () => ({ code: 'tax_arrears', name: '欠税' }), field: 'code', status: 409 },
    ],
  },
  {
    method: 'PATCH',
    path: '/decline-reasons/:id',
    url: (w) => `/api/v1/decline-reasons/${w.declineReasonId}`,
    roles: ADMIN,
    success: 200,
    body: () => ({ name: '申请材料不全（需补齐）' }),
    tables: ['decline_reasons'],
    bad: [
      { why: 'a repairer outside the list', body: () => ({ repairerKind: 'court' }), field: 'repairerKind' },
      { why: 'not repairable but a repair path kept', body: () => ({ repairable: false }), field: 'repairPath' },
    ],
  },
];
