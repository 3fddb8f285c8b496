import { ANY_ROLE, type Endpoint } from './endpoint-table';
import { CAMPAIGN_ENDPOINTS } from './campaigns.endpoints';
import { DECLINE_REASON_ENDPOINTS } from './decline-reasons.endpoints';
import { ENTERPRISE_ENDPOINTS } from './enterprises.endpoints';
import { INDUSTRIAL_CHAIN_ENDPOINTS } from './industrial-chains.endpoints';
import { ORGANIZATION_ENDPOINTS } from './organizations.endpoints';
import { REGION_ENDPOINTS } from './regions.endpoints';
import { SLA_ENDPOINTS } from './sla.endpoints';
import { USER_ENDPOINTS } from './users.endpoints';

export type { BadRequest, Endpoint } from './endpoint-table';

/**
 * Every reference-data and identity endpoint, described once: who may call it, a valid request, and bad
 * requests with the field each must name. The matrix spec generates its tests from this table, in this order.
 */
export const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/health', url: () => '/api/v1/health', roles: 'public', success: 200 },
  { method: 'GET', path: '/me', url: () => '/api/v1/me', roles: ANY_ROLE, success: 200 },
  ...REGION_ENDPOINTS,
  ...ORGANIZATION_ENDPOINTS,
  ...SLA_ENDPOINTS,
  ...USER_ENDPOINTS,
  ...INDUSTRIAL_CHAIN_ENDPOINTS,
  ...ENTERPRISE_ENDPOINTS,
  ...CAMPAIGN_ENDPOINTS,
  ...DECLINE_REASON_ENDPOINTS,
];
