/** Enumerations of the reference data, as DESIGN.md names them. */
/**
 * `government_department` (a tax bureau, the credit reference centre) and `guarantee_institution` (a
 * government financing guarantee fund) repair declines in a second diagnosis.
 */
export const ORGANIZATION_KINDS = [
  'regulator',
  'bank',
  'institution',
  'government_department',
  'guarantee_institution',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The kinds of organization a supervisor gives repair tasks to (their partner officers close them). */
export const REPAIRING_ORGANIZATION_KINDS = [
  'government_department',
  'guarantee_institution',
] as const satisfies readonly OrganizationKind[];

/** Who repairs a repairable decline: an organization of a kind, or the enterprise itself. */
export const REPAIRER_KINDS = ['government_department', 'guarantee_institution', 'enterprise'] as const;
export type RepairerKind = (typeof REPAIRER_KINDS)[number];

/** A decline reason's code: lower-case words joined by underscores (`tax_arrears`). */
export const DECLINE_REASON_CODE = /^[a-z][a-z0-9_]{1,47}$/u;

export const CHAIN_ROLES = ['leader', 'upstream', 'downstream', 'member'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const ENTERPRISE_TAGS = ['specialized_sme', 'high_tech', 'clean_energy', 'foreign_trade'] as const;
export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number];

export const CAMPAIGN_KINDS = ['diagnose_unblock', 'gm_visits', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** A mainland mobile number (13812345678) or a landline with its area code (0635-8231234, 010 12345678). */
export const CHINESE_PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/u;

/**
 * A phone number as people type it (full-width digits, spaces, brackets, +86): a mobile as its eleven
 * digits, a landline as its digits and dashes.
 */
export function normalizePhone(value: string): string {
  const compact = value.normalize('NFKC').replace(/[\s()（）]/gu, '');
  const mobile = compact.replace(/-/gu, '').replace(/^\+?86(?=1[3-9]\d{9}$)/u, '');
  return /^1[3-9]\d{9}$/u.test(mobile) ? mobile : compact;
}
