import { newUscc } from '../support/fixtures';
import { ADMIN, EVERYONE, NOBODY, NOT_A_UUID, type Endpoint } from './endpoint-table';

/** The enterprises. */
export const ENTERPRISE_ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/enterprises', url: () => '/api/v1/enterprises?size=large', roles: EVERYONE, success: 200 },
  {
    method: 'GET',
    path: '/enterprises/:id',
    url: (w) => `/api/v1/enterprises/${w.henanEnterpriseId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/enterprises',
    url: () => '/api/v1/enterprises',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      uscc: newUscc('410102'),
      name: '企业',
      regionCode: '410102',
      chainId: w.henanChainId,
      chainRole: 'upstream',
      size: 'small',
      tags: ['specialized_sme'],
      contactName: '张总经理',
      contactPhone: '+86 138 1234 5678',
    }),
    tables: ['enterprises'],
    bad: [
      {
        why: 'a credit code with a wrong check character',
        body: () => ({ uscc: '91110000600037341M', name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
      },
      {
        why: 'a credit code of 17 characters',
        body: () => ({ uscc: '91110000600037341', name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
      },
      {
        why: 'a credit code that is a number',
        body: () => ({ uscc: 91110000, name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
      },
      {
        why: 'a size outside the list',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'huge' }),
        field: 'size',
      },
      {
        why: 'a contact phone that is neither a mobile nor a landline',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', contactPhone: '12345' }),
        field: 'contactPhone',
      },
      {
        why: 'an empty contact name',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', contactName: '' }),
        field: 'contactName',
      },
      {
        why: 'a tag outside the list',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', tags: ['famous'] }),
        field: 'tags',
      },
      {
        why: 'a chain role without a chain',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', chainRole: 'leader' }),
        field: 'chainId',
      },
      {
        why: 'a chain without a role',
        body: (w) => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', chainId: w.henanChainId }),
        field: 'chainRole',
      },
      {
        why: 'a chain that does not exist',
        body: () => ({
          uscc: newUscc(),
          name: 'x',
          regionCode: '410102',
          size: 'small',
          chainId: NOBODY,
          chainRole: 'member',
        }),
        field: 'chainId',
      },
      {
        why: 'a region that does not exist',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '430100', size: 'small' }),
        field: 'regionCode',
      },
      {
        why: 'a credit code that exists',
        body: () => ({ uscc: '91110000600037341L', name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
        status: 409,
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/enterprises/:id',
    url: (w) => `/api/v1/enterprises/${w.henanEnterpriseId}`,
    roles: ADMIN,
    success: 200,
    body: () => ({ size: 'large', tags: ['high_tech', 'clean_energy'] }),
    tables: ['enterprises'],
    bad: [
      { why: 'a credit code (it never changes)', body: () => ({ uscc: '91110000600037341L' }), field: 'uscc' },
      { why: 'a size outside the list', body: () => ({ size: 'huge' }), field: 'size' },
      { why: 'a chain id that is not a uuid', body: () => ({ chainId: NOT_A_UUID }), field: 'chainId' },
      { why: 'leaving the chain but keeping the role', body: () => ({ chainId: null }), field: 'chainId' },
      { why: 'an empty name', body: () => ({ name: '' }), field: 'name' },
    ],
  },
];
