import type { Language } from '@unblock/domain';
import type { CsvContext, CsvTable } from '@unblock/http';
import { wanYuan } from '@unblock/http';
import type { Bulletin, BulletinCase, BulletinLaggard, LeagueTable } from '@unblock/reports';
import { headed } from './export-labels';
import { LEAGUE_WORDS, leagueValue, rankChangeText } from './league-export';

/** The bulletin's words: its title, sections and columns. */
export const BULLETIN_WORDS = {
  'zh-CN': {
    title: (region: string, day: string) => `${region}日通报（${Number(day.slice(5, 7))}月${Number(day.slice(8))}日）`,
    written: '发布时间',
    regionLeagues: '地区排名',
    bankLeagues: '银行排名',
    cases: '逾期和督办需求',
    casesCount: (overdue: number, escalated: number) => `逾期 ${overdue} 件，督办 ${escalated} 件`,
    laggards: '落后单位',
    noLaggards: '无',
    noCases: '无',
    reasons: { bottom: '排名末位', under_threshold: '低于阈值' },
    threshold: '阈值',
    days: (n: number) => `逾期 ${n} 天`,
    level: (n: number) => (n === 0 ? '' : `${n} 级督办`),
    headers: {
      section: '部分',
      indicator: '指标',
      rank: '名次',
      name: '名称',
      value: '数值',
      wan: '万元',
      rankChange: '名次变化',
      bank: '承办银行',
      overdue: '逾期',
      escalation: '督办级别',
      note: '说明',
    },
    file: '日通报',
  },
  en: {
    title: (region: string, day: string) => `${region} daily bulletin (${day})`,
    written: 'Published',
    regionLeagues: 'Regions ranked',
    bankLeagues: 'Banks ranked',
    cases: 'Overdue and escalated cases',
    casesCount: (overdue: number, escalated: number) => `${overdue} overdue, ${escalated} escalated`,
    laggards: 'Laggards',
    noLaggards: 'None',
    noCases: 'None',
    reasons: { bottom: 'last place', under_threshold: 'under the threshold' },
    threshold: 'threshold',
    days: (n: number) => `${n} days overdue`,
    level: (n: number) => (n === 0 ? '' : `level ${n}`),
    headers: {
      section: 'Section',
      indicator: 'Indicator',
      rank: 'Rank',
      name: 'Name',
      value: 'Value',
      wan: '10k yuan',
      rankChange: 'Rank change',
      bank: 'Bank',
      overdue: 'Overdue',
      escalation: 'Escalation',
      note: 'Note',
    },
    file: 'bulletin',
  },
} as const satisfies Record<Language, unknown>;

/** "郑州银行 按时认领率 45.00%（低于阈值 80.00%）". */
export function laggardText(l: BulletinLaggard, language: Language): string {
  const words = BULLETIN_WORDS[language];
  const indicator = LEAGUE_WORDS[language].indicators[l.indicator];
  const value = leagueValue(l.indicator, l.value);
  const reason =
    l.reason === 'under_threshold' && l.threshold !== null
      ? `${words.reasons.under_threshold} ${leagueValue(l.indicator, l.threshold)}`
      : words.reasons[l.reason];
  return language === 'zh-CN'
    ? `${l.name} ${indicator} ${value}（${reason}）`
    : `${l.name}: ${indicator} ${value} (${reason})`;
}

function caseOverdue(c: BulletinCase, language: Language): string {
  return c.overdueDays === null ? '' : BULLETIN_WORDS[language].days(c.overdueDays);
}

/** The bulletin as one sheet: each league table's rows, the overdue and escalated cases, the laggards. */
export function bulletinTable(bulletin: Bulletin, context: CsvContext): CsvTable {
  const { language } = context;
  const words = BULLETIN_WORDS[language];
  const h = words.headers;
  const content = bulletin.content;
  const leagueRows = (section: string, tables: readonly LeagueTable[]): object[] =>
    tables.flatMap((table) =>
      table.rows.map((r) =>
        headed(h, {
          section,
          indicator: LEAGUE_WORDS[language].indicators[table.indicator],
          rank: r.rank,
          name: r.name,
          value: leagueValue(table.indicator, r.value),
          wan: table.indicator === 'signed_amount' ? wanYuan(r.value) : '',
          rankChange: rankChangeText(r.rankChange),
          bank: '',
          overdue: '',
          escalation: '',
          note: '',
        }),
      ),
    );
  const rows = [
    ...leagueRows(words.regionLeagues, content.regionLeagues),
    ...leagueRows(words.bankLeagues, content.bankLeagues),
    ...content.cases.cases.map((c) =>
      headed(h, {
        section: words.cases,
        indicator: c.number,
        rank: '',
        name: c.enterpriseName,
        value: '',
        wan: '',
        rankChange: '',
        bank: c.bankName ?? '',
        overdue: caseOverdue(c, language),
        escalation: words.level(c.escalationLevel),
        note: '',
      }),
    ),
    ...content.laggards.map((l) =>
      headed(h, {
        section: words.laggards,
        indicator: LEAGUE_WORDS[language].indicators[l.indicator],
        rank: '',
        name: l.name,
        value: leagueValue(l.indicator, l.value),
        wan: '',
        rankChange: '',
        bank: '',
        overdue: '',
        escalation: '',
        note: laggardText(l, language),
      }),
    ),
  ];
  return { filename: `${words.file}-${content.regionName}-${content.day}`, rows };
}
