import type { Language } from './labels';

/** A loan's security: none (信用贷款), collateral (抵押), or a guarantee institution's guarantee (保证/担保). */
export const LOAN_SECURITIES = ['credit', 'collateral', 'guarantee'] as const;
export type LoanSecurity = (typeof LOAN_SECURITIES)[number];

/** Whether a loan renews one falling due: not at all, a renewal (续贷), or one without repaying first (无还本续贷). */
export const LOAN_RENEWALS = ['none', 'renewal', 'renewal_without_repayment'] as const;
export type LoanRenewal = (typeof LOAN_RENEWALS)[number];

/** The policy instruments a loan draws on: 再贷款, 贴息, 风险补偿, 担保费补贴. */
export const POLICY_INSTRUMENTS = [
  'relending',
  'interest_subsidy',
  'risk_compensation',
  'guarantee_fee_subsidy',
] as const;
export type PolicyInstrument = (typeof POLICY_INSTRUMENTS)[number];

/** A guarantee fee rate in percent: a decimal string from 0 to 10 with at most three decimals. */
export const GUARANTEE_FEE_RATE_PATTERN = /^(?:\d(?:\.\d{1,3})?|10(?:\.0{1,3})?)$/u;

/** A loan contract's enumerations in one language's words. */
export interface LoanWords {
  readonly security: Readonly<Record<LoanSecurity, string>>;
  readonly renewal: Readonly<Record<LoanRenewal, string>>;
  readonly instrument: Readonly<Record<PolicyInstrument, string>>;
}

export const LOAN_WORDS: Readonly<Record<Language, LoanWords>> = {
  'zh-CN': {
    security: { credit: '信用贷款', collateral: '抵押', guarantee: '保证（担保）' },
    renewal: { none: '非续贷', renewal: '续贷', renewal_without_repayment: '无还本续贷' },
    instrument: {
      relending: '再贷款',
      interest_subsidy: '贴息',
      risk_compensation: '风险补偿',
      guarantee_fee_subsidy: '担保费补贴',
    },
  },
  en: {
    security: { credit: 'Credit (unsecured)', collateral: 'Collateral', guarantee: 'Guarantee' },
    renewal: { none: 'Not a renewal', renewal: 'Renewal', renewal_without_repayment: 'Renewal without repayment' },
    instrument: {
      relending: 'Relending',
      interest_subsidy: 'Interest subsidy',
      risk_compensation: 'Risk compensation',
      guarantee_fee_subsidy: 'Guarantee fee subsidy',
    },
  },
};

/** A loan contract's outcome fields as given, before they are stored. */
export interface LoanTermsInput {
  readonly signedOn: string;
  readonly maturesOn?: string | undefined;
  readonly security?: LoanSecurity | undefined;
  readonly guaranteeInstitutionId?: string | undefined;
  readonly guaranteeFeeRatePct?: string | undefined;
}

/**
 * The first rule a contract's outcome fields break, with the field it names, or null: a maturity date after
 * the signing date; a guarantee institution and fee rate on a guaranteed loan, and on no other.
 */
export function loanTermsProblem(input: LoanTermsInput): { field: string; message: string } | null {
  if (input.maturesOn !== undefined && input.maturesOn <= input.signedOn) {
    return { field: 'maturesOn', message: 'must be after the signing date' };
  }
  const guaranteed = input.security === 'guarantee';
  if (guaranteed && input.guaranteeInstitutionId === undefined) {
    return { field: 'guaranteeInstitutionId', message: 'a guaranteed loan names its guarantee institution' };
  }
  if (guaranteed && input.guaranteeFeeRatePct === undefined) {
    return { field: 'guaranteeFeeRatePct', message: 'a guaranteed loan gives its guarantee fee rate' };
  }
  if (!guaranteed && input.guaranteeInstitutionId !== undefined) {
    return { field: 'guaranteeInstitutionId', message: 'only a guaranteed loan has a guarantee institution' };
  }
  if (!guaranteed && input.guaranteeFeeRatePct !== undefined) {
    return { field: 'guaranteeFeeRatePct', message: 'only a guaranteed loan has a guarantee fee rate' };
  }
  return null;
}
