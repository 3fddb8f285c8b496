import type { CsvContext, CsvTable } from '@unblock/http';
import { wanYuan } from '@unblock/http';
import type {
  BankFigures,
  ChainFigures,
  FeedbackFigures,
  FunnelFigures,
  RegionFunnel,
  SummaryFigures,
} from '@unblock/reports';
import { CASE_WORDS, labelOf } from '@unblock/domain';
import {
  BANK_HEADERS,
  CHAIN_HEADERS,
  FILE_WORDS,
  LIST_SEPARATOR,
  REGION_HEADERS,
  SUMMARY_WORDS,
  headed,
} from './export-labels';
import { loanOutcomeColumns, loanOutcomeIndicators } from './loan-outcome-export';

/** A share "0.4321" as people read it: "43.21%" (a fall, "-0.0500", as "-5.00%"). */
export function percent(share: string | null): string {
  if (share === null) return '';
  if (share.startsWith('-')) return `-${percent(share.slice(1))}`;
  const [whole = '0', fraction = ''] = share.split('.');
  const basis = `${whole}${fraction.padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d)/u, '');
  const text = basis.padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}%`;
}

/** The declines by reason in one cell, by the catalogue's names: "信用风险较高 2；其他 1". */
function declinesCell(funnel: FunnelFigures, context: CsvContext): string {
  return funnel.declinesByReason.map((d) => `${d.name} ${d.count}`).join(LIST_SEPARATOR[context.language]);
}

/** The later funnel stages, as columns. */
function funnelColumns(funnel: FunnelFigures): { funnelClaimed: number; funnelApproved: number; funnelSigned: number } {
  return { funnelClaimed: funnel.claimed, funnelApproved: funnel.approved, funnelSigned: funnel.signed };
}

/** The region the figures cover, by name, for the file's name: the query's region, else the reader's. */
export async function scopeName(context: CsvContext): Promise<string> {
  const code =
    typeof context.query['regionCode'] === 'string' ? context.query['regionCode'] : context.actor?.regionCode;
  if (!code) return FILE_WORDS[context.language].allRegions;
  return (await context.names.of('region', [code])).get(code) ?? code;
}

/** The campaign's figures, one per row: indicator, value, and 万元 beside the amounts (指标, 数值, 万元). */
export async function summaryTable(figures: SummaryFigures, context: CsvContext): Promise<CsvTable> {
  const { language } = context;
  const words = SUMMARY_WORDS[language];
  const caseWords = CASE_WORDS[language];
  const row = (indicator: string, value: string | number | null, amount = false): object =>
    headed(
      { indicator: words.indicator, value: words.value, wan: words.wan },
      { indicator, value: value ?? '', wan: amount && typeof value === 'string' ? wanYuan(value) : '' },
    );
  const rows = [
    row(words.visits, figures.visits),
    row(words.enterprisesVisited, figures.enterprisesVisited),
    row(words.needsDiagnosed, figures.needsDiagnosed),
    ...Object.entries(figures.casesByStatus).map(([status, count]) =>
      row(`${words.casesByStatus}${labelOf(caseWords.status, status)}`, count),
    ),
    row(words.enterprisesWithNeed, figures.enterprisesWithNeed),
    row(words.submitted, figures.screening.submitted),
    row(words.recommended, figures.screening.recommended),
    row(words.screenedOut, figures.screening.screenedOut),
    row(words.funnelClaimed, figures.funnel.claimed),
    row(words.funnelApproved, figures.funnel.approved),
    row(words.funnelSigned, figures.funnel.signed),
    row(words.declined, figures.funnel.declined),
    ...figures.funnel.declinesByReason.map((d) => row(`${words.declinedFor}${d.name}`, d.count)),
    row(words.enterprisesFinanced, figures.enterprisesFinanced),
    row(words.intentionAmount, figures.intentionAmount, true),
    row(words.signedAmount, figures.signedAmount, true),
    row(words.signedCount, figures.signedCount),
    row(words.longTermShare, percent(figures.longTermShare)),
    row(words.chainLeaderShare, percent(figures.chainLeaderShare)),
    row(words.claimsWithinSlaShare, percent(figures.claimsWithinSlaShare)),
    row(words.medianBusinessDaysToClaim, figures.medianBusinessDaysToClaim),
    row(words.medianBusinessDaysToSigning, figures.medianBusinessDaysToSigning),
    ...figures.topBottlenecks.map((b) =>
      row(`${words.topBottleneck}${labelOf(caseWords.bottleneck, b.bottleneck)}`, b.count),
    ),
    ...loanOutcomeIndicators(figures.loanOutcomes, language, percent).map(([indicator, value, amount]) =>
      row(indicator, value, amount),
    ),
  ];
  return { filename: `${FILE_WORDS[language].summary}-${await scopeName(context)}-${context.today}`, rows };
}

/** The figures per chain, named with its region and its lead and deputy banks. */
/** The funnel of each child region, one per row. */
export async function regionsTable(regions: readonly RegionFunnel[], context: CsvContext): Promise<CsvTable> {
  const rows = regions.map((r) =>
    headed(REGION_HEADERS[context.language], {
      region: r.regionName,
      visits: r.visits,
      needsDiagnosed: r.needsDiagnosed,
      submitted: r.screening.submitted,
      recommended: r.screening.recommended,
      screenedOut: r.screening.screenedOut,
      ...funnelColumns(r.funnel),
      declined: r.funnel.declined,
      declinesByReason: declinesCell(r.funnel, context),
      repaired: r.funnel.repaired,
      signed: r.signedAmount,
      signedWan: wanYuan(r.signedAmount),
      signedCount: r.signedCount,
    }),
  );
  return { filename: `${FILE_WORDS[context.language].regions}-${await scopeName(context)}-${context.today}`, rows };
}

export async function chainsTable(chains: readonly ChainFigures[], context: CsvContext): Promise<CsvTable> {
  const regions = await context.names.of(
    'region',
    chains.map((c) => c.regionCode),
  );
  const rows = chains.map((c) => ({
    ...headed(CHAIN_HEADERS[context.language], {
      chain: c.chainName,
      region: regions.get(c.regionCode) ?? '',
      leadBank: c.leadBankName,
      deputyBank: c.deputyBankName,
      visits: c.visits,
      enterprisesVisited: c.enterprisesVisited,
      needsDiagnosed: c.needsDiagnosed,
      enterprisesFinanced: c.enterprisesFinanced,
      intention: c.intentionAmount,
      intentionWan: wanYuan(c.intentionAmount),
      signed: c.signedAmount,
      signedWan: wanYuan(c.signedAmount),
      signedCount: c.signedCount,
      claimsWithinSla: percent(c.claimsWithinSlaShare),
      chainLeaders: c.chainLeaders,
      enterprisesWithNeed: c.enterprisesWithNeed,
      ...funnelColumns(c.funnel),
      declined: c.funnel.declined,
      declinesByReason: declinesCell(c.funnel, context),
      ...feedbackColumns(c.feedback),
    }),
    ...loanOutcomeColumns(c.loanOutcomes, context.language, percent),
  }));
  return { filename: `${FILE_WORDS[context.language].chains}-${await scopeName(context)}-${context.today}`, rows };
}

/** The enterprises' word on a bank's or chain's cases, from their own page. */
function feedbackColumns(f: FeedbackFigures): {
  contactAnswers: number;
  contactConfirmedShare: string;
  disputes: number;
  ratings: number;
  averageRating: string;
} {
  return {
    contactAnswers: f.contactAnswers,
    contactConfirmedShare: percent(f.contactConfirmedShare),
    disputes: f.disputes,
    ratings: f.ratings,
    averageRating: f.averageRating ?? '',
  };
}

/** The figures per bank. */
export async function banksTable(banks: readonly BankFigures[], context: CsvContext): Promise<CsvTable> {
  const rows = banks.map((b) => ({
    ...headed(BANK_HEADERS[context.language], {
      bank: b.bankName,
      casesAssigned: b.casesAssigned,
      claims: b.claims,
      claimsOnTime: b.claimsOnTime,
      claimOnTimeRate: percent(b.claimOnTimeRate),
      declines: b.declines,
      escalations: b.escalations,
      intention: b.intentionAmount,
      intentionWan: wanYuan(b.intentionAmount),
      signed: b.signedAmount,
      signedWan: wanYuan(b.signedAmount),
      signedCount: b.signedCount,
      ...funnelColumns(b.funnel),
      declinesByReason: declinesCell(b.funnel, context),
      ...feedbackColumns(b.feedback),
    }),
    ...loanOutcomeColumns(b.loanOutcomes, context.language, percent),
  }));
  return { filename: `${FILE_WORDS[context.language].banks}-${await scopeName(context)}-${context.today}`, rows };
}
