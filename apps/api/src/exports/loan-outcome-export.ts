import { wanYuan } from '@unblock/http';
import type { Language } from '@unblock/domain';
import type { LoanOutcomeCount, LoanOutcomeFigures } from '@unblock/reports';

/** The kinds of signed loans the exports break down, in order. */
const KINDS = [
  'firstLoans',
  'creditLoans',
  'collateralLoans',
  'guaranteedLoans',
  'renewals',
  'renewalsWithoutRepayment',
  'relending',
  'interestSubsidy',
  'riskCompensation',
  'guaranteeFeeSubsidy',
] as const;
type Kind = (typeof KINDS)[number];

const WORDS: Readonly<
  Record<
    Language,
    {
      kinds: Readonly<Record<Kind, string>>;
      count: string;
      amount: string;
      amountWan: string;
      share: string;
      averageRate: string;
      averageFee: string;
    }
  >
> = {
  'zh-CN': {
    kinds: {
      firstLoans: '首贷',
      creditLoans: '信用贷款',
      collateralLoans: '抵押贷款',
      guaranteedLoans: '担保贷款',
      renewals: '续贷',
      renewalsWithoutRepayment: '无还本续贷',
      relending: '再贷款支持',
      interestSubsidy: '贴息',
      riskCompensation: '风险补偿',
      guaranteeFeeSubsidy: '担保费补贴',
    },
    count: '笔数',
    amount: '金额（元）',
    amountWan: '金额（万元）',
    share: '金额占比',
    averageRate: '加权平均利率（%）',
    averageFee: '担保贷款平均担保费率（%）',
  },
  en: {
    kinds: {
      firstLoans: 'First loans',
      creditLoans: 'Credit loans',
      collateralLoans: 'Collateral loans',
      guaranteedLoans: 'Guaranteed loans',
      renewals: 'Renewals',
      renewalsWithoutRepayment: 'Renewals without repayment',
      relending: 'Relending',
      interestSubsidy: 'Interest subsidy',
      riskCompensation: 'Risk compensation',
      guaranteeFeeSubsidy: 'Guarantee fee subsidy',
    },
    count: ': count',
    amount: ': amount (yuan)',
    amountWan: ': amount (10k yuan)',
    share: ': share of amount',
    averageRate: 'Average rate weighted by amount (%)',
    averageFee: 'Guaranteed loans: average fee rate (%)',
  },
};

/** The indicators of the summary export, one per row: [indicator, value, whether it is an amount]. */
export function loanOutcomeIndicators(
  outcomes: LoanOutcomeFigures,
  language: Language,
  percent: (share: string | null) => string,
): [string, string | number, boolean][] {
  const words = WORDS[language];
  return [
    [words.averageRate, outcomes.averageRatePct ?? '', false],
    ...KINDS.flatMap((kind): [string, string | number, boolean][] => {
      const c: LoanOutcomeCount = outcomes[kind];
      const name = words.kinds[kind];
      return [
        [`${name}${words.count}`, c.count, false],
        [`${name}${words.amount}`, c.amount, true],
        [`${name}${words.share}`, percent(c.share), false],
      ];
    }),
    [words.averageFee, outcomes.guaranteedLoans.averageFeeRatePct ?? '', false],
  ];
}

/** The loan-outcome columns of a chain's or bank's row, headed in the language. */
export function loanOutcomeColumns(
  outcomes: LoanOutcomeFigures,
  language: Language,
  percent: (share: string | null) => string,
): Record<string, string | number> {
  const words = WORDS[language];
  const out: Record<string, string | number> = {};
  for (const [indicator, value, amount] of loanOutcomeIndicators(outcomes, language, percent)) {
    out[indicator] = value;
    if (amount && typeof value === 'string') out[indicator.replace(words.amount, words.amountWan)] = wanYuan(value);
  }
  return out;
}
