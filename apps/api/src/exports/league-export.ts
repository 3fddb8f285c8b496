import type { Language } from '@unblock/domain';
import type { CsvContext, CsvTable } from '@unblock/http';
import { wanYuan } from '@unblock/http';
import type { LeagueBy, LeagueIndicator, LeaguePeriod, LeagueTable } from '@unblock/reports';
import { headed } from './export-labels';
import { percent } from './reports-export';

/** The league tables' words: their columns, indicators, periods and file names. */
export const LEAGUE_WORDS = {
  'zh-CN': {
    headers: {
      rank: '名次',
      name: '名称',
      value: '数值',
      wan: '万元',
      previousRank: '上期名次',
      rankChange: '名次变化',
      previousValue: '上期数值',
    },
    indicators: {
      visits: '走访次数',
      needs: '需求数',
      claims_on_time: '按时认领率',
      credited_rate: '推荐需求授信率',
      signed_amount: '签约金额（元）',
      confirmation_rate: '企业确认对接率',
      satisfaction: '企业满意度（1–5 分）',
      first_loans: '首贷笔数',
      credit_loan_share: '信用贷款占比',
    } satisfies Record<LeagueIndicator, string>,
    periods: { day: '日', week: '周', month: '月' } satisfies Record<LeaguePeriod, string>,
    by: { region: '地区排名', bank: '银行排名' } satisfies Record<LeagueBy, string>,
    file: '排名',
  },
  en: {
    headers: {
      rank: 'Rank',
      name: 'Name',
      value: 'Value',
      wan: '10k yuan',
      previousRank: 'Previous rank',
      rankChange: 'Rank change',
      previousValue: 'Previous value',
    },
    indicators: {
      visits: 'Visits',
      needs: 'Needs',
      claims_on_time: 'Claims on time',
      credited_rate: 'Recommended needs credited',
      signed_amount: 'Signed (yuan)',
      confirmation_rate: 'Contacts confirmed by enterprises',
      satisfaction: 'Satisfaction (1–5)',
      first_loans: 'First loans',
      credit_loan_share: 'Credit-loan share',
    } satisfies Record<LeagueIndicator, string>,
    periods: { day: 'day', week: 'week', month: 'month' } satisfies Record<LeaguePeriod, string>,
    by: { region: 'Regions', bank: 'Banks' } satisfies Record<LeagueBy, string>,
    file: 'league',
  },
} as const satisfies Record<Language, unknown>;

const SHARES: readonly LeagueIndicator[] = [
  'claims_on_time',
  'credited_rate',
  'confirmation_rate',
  'credit_loan_share',
];

/** A league value as people read it: a share as a percentage, the rest as it is. */
export function leagueValue(indicator: LeagueIndicator, value: string | null): string {
  if (value === null) return '';
  return SHARES.includes(indicator) ? percent(value) : value;
}

/** The change of rank as people read it: "↑2", "↓1", "—". */
export function rankChangeText(change: number): string {
  return change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '—';
}

/** The rows of one league table under the reader's headers (万元 beside an amount). */
export function leagueRows(table: LeagueTable, language: Language): object[] {
  const words = LEAGUE_WORDS[language];
  const amount = table.indicator === 'signed_amount';
  return table.rows.map((r) =>
    headed(words.headers, {
      rank: r.rank,
      name: r.name,
      value: leagueValue(table.indicator, r.value),
      wan: amount ? wanYuan(r.value) : '',
      previousRank: r.previousRank,
      rankChange: rankChangeText(r.rankChange),
      previousValue: leagueValue(table.indicator, r.previousValue),
    }),
  );
}

/** A league table as a file: "排名-走访次数-日-2026-12-06". */
export function leagueTable(table: LeagueTable, context: CsvContext): CsvTable {
  const words = LEAGUE_WORDS[context.language];
  const indicator = words.indicators[table.indicator].replace(/（.*$|\s*\(.*$/u, '');
  return {
    filename: `${words.file}-${indicator}-${words.periods[table.period]}-${table.from}`,
    rows: leagueRows(table, context.language),
  };
}
