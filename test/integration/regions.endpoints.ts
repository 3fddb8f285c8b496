import { newCountyCode } from '../support/fixtures';
import { ADMIN, EVERYONE, type Endpoint } from './endpoint-table';

/** The regions: the tree of administrative divisions. */
export const REGION_ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'GET',
    path: '/regions',
    url: () => '/api/v1/regions?within=410000&limit=5',
    roles: EVERYONE,
    success: 200,
  },
  { method: 'GET', path: '/regions/:code', url: () => '/api/v1/regions/410100', roles: EVERYONE, success: 200 },
  {
    method: 'POST',
    path: '/regions',
    url: () => '/api/v1/regions',
    roles: ADMIN,
    success: 201,
    body: () => ({ code: newCountyCode('410100'), name: '新区', parentCode: '410100' }),
    tables: ['regions'],
    bad: [
      { why: 'a five-digit code', body: () => ({ code: '41010', name: 'x' }), field: 'code' },
      { why: 'a code with a letter', body: () => ({ code: '41010a', name: 'x' }), field: 'code' },
      { why: 'an empty name', body: () => ({ code: newCountyCode(), name: '   ' }), field: 'name' },
      { why: 'a name that is a number', body: () => ({ code: newCountyCode(), name: 7 }), field: 'name' },
      {
        why: 'a parent that does not exist',
        body: () => ({ code: '430100', name: 'x', parentCode: '430000' }),
        field: 'parentCode',
      },
      {
        why: 'a parent that does not cover it',
        body: () => ({ code: '420105', name: 'x', parentCode: '410100' }),
        field: 'parentCode',
      },
      { why: 'an unknown key', body: () => ({ code: newCountyCode(), name: 'x', population: 1 }), field: 'population' },
      {
        why: 'a code that exists',
        body: () => ({ code: '410100', name: 'x', parentCode: '410000' }),
        field: 'code',
        status: 409,
      },
    ],
  },
];
