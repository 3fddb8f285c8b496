/**
 * The trade's core terms, in Chinese as the regulators write them and in English. The console's catalogues
 * (apps/web/src/i18n/messages.*.ts) and the exports take these words from here rather than spelling them
 * again; apps/web/src/i18n/glossary.spec.ts fails when a catalogue strays from them or uses a variant this
 * file rules out.
 */
export interface GlossaryTerm {
  key: string;
  zh: string;
  en: string;
  /** What the term means here, and the variants not to use. */
  note: string;
  /** Where the Chinese wording comes from. */
  source: string;
}

/** The notice setting up the coordination mechanism (2024-10-28), and the two bodies' briefings on it. */
const MECHANISM =
  '国家金融监督管理总局、国家发展改革委《关于建立支持小微企业融资协调工作机制的通知》（金发〔2024〕32号）及其动员部署会议通报';
/** The regulator's published results of the mechanism (to the end of June 2025). */
const MECHANISM_RESULTS =
  '国家金融监督管理总局披露的小微企业融资协调工作机制成效（截至2025年6月末：“推荐清单”内经营主体新增授信、新发放贷款）';
/** The PBoC city branch's "诊断畅通" campaign that DESIGN.md replicates: its "1+2+N" chain model. */
const ONE_TWO_N = '人民银行聊城市分行“诊断畅通”专项行动的产业链“1+2+N”金融服务模式（见 DESIGN.md）';
/** The product's own terms for its escalation levels (DESIGN.md, Escalation `level` 1 | 2). */
const PRODUCT = '本产品的督办分级（DESIGN.md：Escalation.level 1 | 2）';

export const GLOSSARY = {
  campaign: {
    key: 'campaign',
    zh: '专项行动',
    en: 'campaign',
    note: 'A visiting campaign (Campaign), as the “诊断畅通” 专项行动. Not 活动.',
    source: ONE_TWO_N,
  },
  visit: {
    key: 'visit',
    zh: '走访',
    en: 'visit',
    note: 'A visit to one enterprise (Visit).',
    source: `${MECHANISM}：“千企万户大走访”活动`,
  },
  diagnosis: {
    key: 'diagnosis',
    zh: '诊断',
    en: 'diagnosis',
    note: 'Finding what blocks an enterprise’s financing; a need comes out of it.',
    source: ONE_TWO_N,
  },
  need: {
    key: 'need',
    zh: '需求',
    en: 'need',
    note: 'One financing need of one enterprise (Case).',
    source: `${MECHANISM}：摸排融资需求`,
  },
  matching: {
    key: 'matching',
    zh: '对接',
    en: 'matched',
    note: 'A bank has taken up a need and contacts the enterprise (claimed or later).',
    source: `${MECHANISM}：银行机构及时、精准对接`,
  },
  creditApproval: {
    key: 'creditApproval',
    zh: '授信',
    en: 'credit approved',
    note: 'The bank’s approval of credit (status approved). Not 审批 alone.',
    source: MECHANISM_RESULTS,
  },
  disbursement: {
    key: 'disbursement',
    zh: '放款',
    en: 'loan signed',
    note: 'A signed loan (status loan_signed, LoanContract); the regulators count it as 发放贷款.',
    source: MECHANISM_RESULTS,
  },
  supervision: {
    key: 'supervision',
    zh: '督办',
    en: 'escalation',
    note: 'An overdue obligation on a supervisor’s queue (Escalation). Not 升级.',
    source: PRODUCT,
  },
  supervisionLevel1: {
    key: 'supervisionLevel1',
    zh: '一级督办',
    en: 'level 1 escalation',
    note: 'Escalation level 1. Not 升级 1 级.',
    source: PRODUCT,
  },
  supervisionLevel2: {
    key: 'supervisionLevel2',
    zh: '二级督办',
    en: 'level 2 escalation',
    note: 'Escalation level 2. Not 升级 2 级.',
    source: PRODUCT,
  },
  leadBank: {
    key: 'leadBank',
    zh: '主办行',
    en: 'lead bank',
    note: 'The “1” of “1+2+N”: routing tier 1. Not 第 1 层级, not 链长行.',
    source: ONE_TWO_N,
  },
  deputyBank: {
    key: 'deputyBank',
    zh: '协办行',
    en: 'deputy lead bank',
    note: 'A “2” of “1+2+N”: routing tier 2. Not 第 2 层级, not 副链长行.',
    source: ONE_TWO_N,
  },
  memberPool: {
    key: 'memberPool',
    zh: '成员机构池',
    en: 'member institution pool',
    note: 'The “N” of “1+2+N”: routing tier 3, first come first served. Not 第 3 层级.',
    source: ONE_TWO_N,
  },
  claim: {
    key: 'claim',
    zh: '认领',
    en: 'claim',
    note: 'A bank manager takes a need routed to their bank.',
    source: ONE_TWO_N,
  },
  release: {
    key: 'release',
    zh: '放弃认领',
    en: 'release',
    note: 'The claimer gives a need back to their bank, unclaimed. Not 退回本行.',
    source: ONE_TWO_N,
  },
  bottleneck: {
    key: 'bottleneck',
    zh: '融资堵点',
    en: 'bottleneck',
    note: 'What blocks a financing.',
    source: ONE_TWO_N,
  },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** The Chinese terms, by key: `zhTerm.campaign` is 专项行动. */
export const zhTerm = Object.fromEntries(Object.entries(GLOSSARY).map(([key, term]) => [key, term.zh])) as {
  [K in GlossaryKey]: (typeof GLOSSARY)[K]['zh'];
};

/** The English terms, by key, as they stand in a sentence (lower case); `capital` starts a label with one. */
export const enTerm = Object.fromEntries(Object.entries(GLOSSARY).map(([key, term]) => [key, term.en])) as {
  [K in GlossaryKey]: (typeof GLOSSARY)[K]['en'];
};

/** A term at the start of a label: "Campaign", "Lead bank". */
export function capital(term: string): string {
  return term.charAt(0).toUpperCase() + term.slice(1);
}
