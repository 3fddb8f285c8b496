import { GLOSSARY, type GlossaryKey } from './glossary';
import { en } from './messages.en';
import { zhCN } from './messages.zh-cn';

/** Words a Chinese catalogue must not use, with the term to use instead. */
const BANNED: readonly { pattern: RegExp; instead: string }[] = [
  { pattern: /活动/u, instead: `${GLOSSARY.campaign.zh} (campaign)` },
  { pattern: /升级/u, instead: GLOSSARY.supervision.zh },
  { pattern: /(\d|\{level\})\s*级/u, instead: `${GLOSSARY.supervisionLevel1.zh} / ${GLOSSARY.supervisionLevel2.zh}` },
  { pattern: /层级/u, instead: `${GLOSSARY.leadBank.zh} / ${GLOSSARY.deputyBank.zh} / ${GLOSSARY.memberPool.zh}` },
  { pattern: /(副)?链长行/u, instead: `${GLOSSARY.leadBank.zh} / ${GLOSSARY.deputyBank.zh}` },
  { pattern: /退回本行/u, instead: GLOSSARY.release.zh },
];

/** An ASCII colon in Chinese text, except in a time (10:30) or an address (https://). */
const asciiColon = (text: string): boolean => text.replace(/\d:\d/gu, '').replace(/:\/\//gu, '').includes(':');

/** The problems of a Chinese catalogue: each key with a banned variant, and what to write instead. */
function wordingProblems(catalogue: Record<string, string>): string[] {
  return Object.entries(catalogue).flatMap(([key, text]) => [
    ...BANNED.filter((b) => b.pattern.test(text)).map((b) => `${key}: “${text}” (write ${b.instead})`),
    ...(asciiColon(text) ? [`${key}: “${text}” (write ：, not :)`] : []),
  ]);
}

/** Keys whose words are a glossary term: each catalogue must hold the term verbatim. */
const USES: Partial<Record<keyof typeof en, GlossaryKey>> = {
  'visit.campaign': 'campaign',
  'col.campaign': 'campaign',
  'queue.filterCampaign': 'campaign',
  'admin.campaigns': 'campaign',
  'dashboard.title': 'campaign',
  'nav.campaignDashboard': 'campaign',
  'tier.1': 'leadBank',
  'tier.2': 'deputyBank',
  'tier.3': 'memberPool',
  'dashboard.leadBank': 'leadBank',
  'dashboard.deputyBank': 'deputyBank',
  'admin.leadBank': 'leadBank',
  'admin.deputyBank': 'deputyBank',
  'escalation.level.1': 'supervisionLevel1',
  'escalation.level.2': 'supervisionLevel2',
  'case.escalationLevel.1': 'supervisionLevel1',
  'case.escalationLevel.2': 'supervisionLevel2',
  'funnel.matched': 'matching',
  'funnel.approved': 'creditApproval',
  'funnel.signed': 'disbursement',
  'status.approved': 'creditApproval',
  'case.release': 'release',
};

/** Terms the English catalogue may phrase in its own way where a label needs it (checked in Chinese only). */
const CHINESE_ONLY = new Set<string>(['nav.campaignDashboard', 'case.release']);

describe('the wording of the console', () => {
  it('uses the trade’s terms in Chinese: no 活动, 升级 N 级, 层级, 退回本行 or ASCII colon', () => {
    expect(wordingProblems(zhCN)).toEqual([]);
  });

  it('finds each banned variant', () => {
    const bad = {
      a: '活动看板',
      b: '升级 2 级',
      c: '{level}级',
      d: '第 1 层级',
      e: '退回本行',
      f: '截止:明天',
      g: '副链长行',
    };
    expect(wordingProblems(bad).map((p) => p.split(':')[0])).toEqual(['a', 'b', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(wordingProblems({ time: '截止 10:30', url: '地址 https://example.com', ok: '专项行动：进行中' })).toEqual(
      [],
    );
  });

  it('takes the glossary’s terms verbatim in both languages', () => {
    const strays = Object.entries(USES).flatMap(([key, term]) => {
      const { zh, en: english } = GLOSSARY[term];
      const zhText = zhCN[key as keyof typeof en];
      const enText = en[key as keyof typeof en];
      return [
        ...(zhText.includes(zh) ? [] : [`zh-CN ${key}: “${zhText}” lacks ${zh}`]),
        ...(CHINESE_ONLY.has(key) || enText.toLowerCase().includes(english.toLowerCase())
          ? []
          : [`en ${key}: “${enText}” lacks ${english}`]),
      ];
    });
    expect(strays).toEqual([]);
  });

  it('uses every glossary term somewhere in each catalogue', () => {
    const zhText = Object.values(zhCN).join('\n');
    const enText = Object.values(en).join('\n').toLowerCase();
    const unused = Object.values(GLOSSARY).flatMap((term) => [
      ...(zhText.includes(term.zh) ? [] : [`zh-CN lacks ${term.zh}`]),
      ...(enText.includes(term.en.toLowerCase()) ? [] : [`en lacks ${term.en}`]),
    ]);
    expect(unused).toEqual([]);
  });

  it('cites a source and explains every term', () => {
    for (const term of Object.values(GLOSSARY)) {
      expect(term.source.length).toBeGreaterThan(10);
      expect(term.note.length).toBeGreaterThan(5);
    }
  });
});
