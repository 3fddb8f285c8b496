import type { CsvContext, CsvTable } from '@unblock/http';
import { wanYuan } from '@unblock/http';
import type { Language } from '@unblock/domain';
import type { BalanceFigures, BalanceGroup, BalanceReport } from '@unblock/reports';
import { headed } from './export-labels';
import { percent, scopeName } from './reports-export';

/** The columns of the balances export: exact yuan with 万元 beside, growth and shares as percentages. */
export const BALANCE_HEADERS = {
  'zh-CN': {
    group: '分组',
    balance: '贷款余额（元）',
    balanceWan: '贷款余额（万元）',
    mediumLong: '中长期贷款余额（元）',
    mediumLongWan: '中长期贷款余额（万元）',
    startOfYear: '年初余额（元）',
    startOfYearWan: '年初余额（万元）',
    yearAgo: '上年同期余额（元）',
    yearAgoWan: '上年同期余额（万元）',
    growthYtd: '比年初增长',
    growthYoy: '同比增长',
    share: '占比',
  },
  en: {
    group: 'Group',
    balance: 'Balance (yuan)',
    balanceWan: 'Balance (10k yuan)',
    mediumLong: 'Medium/long-term balance (yuan)',
    mediumLongWan: 'Medium/long-term balance (10k yuan)',
    startOfYear: 'Start of year (yuan)',
    startOfYearWan: 'Start of year (10k yuan)',
    yearAgo: 'A year before (yuan)',
    yearAgoWan: 'A year before (10k yuan)',
    growthYtd: 'Growth since the start of the year',
    growthYoy: 'Growth year on year',
    share: 'Share',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The names of the coded groups (chain role, tag, size, term) and of the total, in each language. */
export const BALANCE_GROUP_WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    total: '合计',
    leader: '链主企业',
    upstream: '上游企业',
    downstream: '下游企业',
    member: '链上其他企业',
    specialized_sme: '专精特新',
    high_tech: '高新技术企业',
    clean_energy: '清洁能源',
    foreign_trade: '外贸企业',
    micro: '微型',
    small: '小型',
    medium: '中型',
    large: '大型',
    short: '短期',
    medium_long: '中长期',
    unknown: '未知',
  },
  en: {
    total: 'Total',
    leader: 'Chain leaders',
    upstream: 'Upstream',
    downstream: 'Downstream',
    member: 'Other chain members',
    specialized_sme: 'Specialized SMEs',
    high_tech: 'High-tech',
    clean_energy: 'Clean energy',
    foreign_trade: 'Foreign trade',
    micro: 'Micro',
    small: 'Small',
    medium: 'Medium',
    large: 'Large',
    short: 'Short-term',
    medium_long: 'Medium/long-term',
    unknown: 'Unknown',
  },
};

const FILE_WORDS: Readonly<Record<Language, Readonly<Record<BalanceGroup, string>>>> = {
  'zh-CN': {
    chain: '贷款余额-按产业链',
    chainRole: '贷款余额-按链主',
    region: '贷款余额-按地区',
    bank: '贷款余额-按银行',
    tag: '贷款余额-按企业标签',
    size: '贷款余额-按规模',
    term: '贷款余额-按期限',
  },
  en: {
    chain: 'balances-by-chain',
    chainRole: 'balances-by-chain-role',
    region: 'balances-by-region',
    bank: 'balances-by-bank',
    tag: 'balances-by-tag',
    size: 'balances-by-size',
    term: 'balances-by-term',
  },
};

/** One row per group and a last row of the total. */
export async function balancesTable(report: BalanceReport, context: CsvContext): Promise<CsvTable> {
  const { language } = context;
  const words = BALANCE_GROUP_WORDS[language];
  const row = (group: string, f: BalanceFigures): object =>
    headed(BALANCE_HEADERS[language], {
      group,
      balance: f.balance,
      balanceWan: wanYuan(f.balance),
      mediumLong: f.mediumLongBalance,
      mediumLongWan: wanYuan(f.mediumLongBalance),
      startOfYear: f.startOfYearBalance,
      startOfYearWan: wanYuan(f.startOfYearBalance),
      yearAgo: f.yearAgoBalance,
      yearAgoWan: wanYuan(f.yearAgoBalance),
      growthYtd: percent(f.growthYtd),
      growthYoy: percent(f.growthYoy),
      share: percent(f.share),
    });
  const rows = [
    ...report.rows.map((r) => row(r.name ?? words[r.key] ?? words['unknown'] ?? '', r)),
    row(words['total'] ?? '', report.total),
  ];
  return {
    filename: `${FILE_WORDS[language][report.groupBy]}-${await scopeName(context)}-${report.asOf}`,
    rows,
  };
}
