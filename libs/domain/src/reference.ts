/** Enumerations of the reference data, as DESIGN.md names them. */
export const ORGANIZATION_KINDS = ['regulator', 'bank', 'institution'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const CHAIN_ROLES = ['leader', 'upstream', 'downstream', 'member'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const ENTERPRISE_TAGS = ['specialized_sme', 'high_tech', 'clean_energy', 'foreign_trade'] as const;
export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number];

export const CAMPAIGN_KINDS = ['diagnose_unblock', 'gm_visits', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
