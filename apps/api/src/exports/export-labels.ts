import type { Language } from '@unblock/domain';

/** A row whose keys are column ids, written under the headers of the reader's language, in the row's order. */
export function headed<K extends string>(
  headers: Readonly<Record<K, string>>,
  values: Readonly<Record<K, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [headers[key as K], value]));
}

/** The columns of the cases export. Amounts come in exact yuan, with 万元 (10k yuan) beside. */
export const CASE_HEADERS = {
  'zh-CN': {
    number: '需求编号',
    enterprise: '企业',
    region: '地区',
    chain: '产业链',
    status: '状态',
    tier: '分派层级',
    bank: '分派银行',
    claimer: '认领人',
    requested: '申请金额（元）',
    requestedWan: '申请金额（万元）',
    intention: '意向金额（元）',
    intentionWan: '意向金额（万元）',
    signed: '签约金额（元）',
    signedWan: '签约金额（万元）',
    purpose: '用途',
    term: '期限',
    bottlenecks: '融资堵点',
    priority: '优先级',
    escalationLevel: '督办级别',
    dueAt: '当前时限',
    pausedAt: '暂停于',
    resolution: '关闭原因',
    createdAt: '诊断时间',
    updatedAt: '更新时间',
  },
  en: {
    number: 'Case number',
    enterprise: 'Enterprise',
    region: 'Region',
    chain: 'Industrial chain',
    status: 'Status',
    tier: 'Routed to',
    bank: 'Assigned bank',
    claimer: 'Claimed by',
    requested: 'Requested (yuan)',
    requestedWan: 'Requested (10k yuan)',
    intention: 'Intention (yuan)',
    intentionWan: 'Intention (10k yuan)',
    signed: 'Signed (yuan)',
    signedWan: 'Signed (10k yuan)',
    purpose: 'Purpose',
    term: 'Term',
    bottlenecks: 'Bottlenecks',
    priority: 'Priority',
    escalationLevel: 'Escalation',
    dueAt: 'Due (Asia/Shanghai)',
    pausedAt: 'Paused at (Asia/Shanghai)',
    resolution: 'Closed as',
    createdAt: 'Diagnosed at (Asia/Shanghai)',
    updatedAt: 'Updated at (Asia/Shanghai)',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** How several bottlenecks share one cell. */
export const LIST_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '；', en: '; ' };

/** The later stages of the funnel and the declines: rows of the summary, columns of the chains and banks. */
const FUNNEL_WORDS = {
  'zh-CN': {
    funnelClaimed: '已对接需求数',
    funnelApproved: '已授信需求数',
    funnelSigned: '已放款需求数',
    declined: '拒绝数',
  },
  en: {
    funnelClaimed: 'Needs matched',
    funnelApproved: 'Needs credit approved',
    funnelSigned: 'Needs with a loan signed',
    declined: 'Declines',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Declines by reason in one cell: "信用风险较高 2；其他 1". */
const DECLINES_BY_REASON = {
  'zh-CN': { declinesByReason: '拒绝原因' },
  en: { declinesByReason: 'Declined for' },
} as const satisfies Record<Language, Record<string, string>>;

/** The figures of the campaign summary, one per row, and its three columns. */
export const SUMMARY_WORDS = {
  'zh-CN': {
    indicator: '指标',
    value: '数值',
    wan: '万元',
    visits: '走访次数',
    enterprisesVisited: '走访企业数',
    needsDiagnosed: '诊断需求数',
    casesByStatus: '需求数：',
    enterprisesFinanced: '获得融资企业数',
    intentionAmount: '意向金额（元）',
    signedAmount: '签约金额（元）',
    signedCount: '签约笔数',
    longTermShare: '中长期贷款占比',
    chainLeaderShare: '链主企业占比',
    claimsWithinSlaShare: '按时认领率',
    medianBusinessDaysToClaim: '认领用时中位数（工作日）',
    medianBusinessDaysToSigning: '签约用时中位数（工作日）',
    topBottleneck: '融资堵点：',
    ...FUNNEL_WORDS['zh-CN'],
    enterprisesWithNeed: '有需求企业数',
    submitted: '申报需求数',
    recommended: '推荐需求数',
    screenedOut: '未通过筛查需求数',
    declinedFor: '拒绝原因：',
  },
  en: {
    indicator: 'Indicator',
    value: 'Value',
    wan: '10k yuan',
    visits: 'Visits',
    enterprisesVisited: 'Enterprises visited',
    needsDiagnosed: 'Needs diagnosed',
    casesByStatus: 'Needs: ',
    enterprisesFinanced: 'Enterprises financed',
    intentionAmount: 'Intention amount (yuan)',
    signedAmount: 'Signed amount (yuan)',
    signedCount: 'Loans signed',
    longTermShare: 'Medium and long-term share',
    chainLeaderShare: 'Chain leaders’ share',
    claimsWithinSlaShare: 'Claimed on time',
    medianBusinessDaysToClaim: 'Median business days to claim',
    medianBusinessDaysToSigning: 'Median business days to signing',
    topBottleneck: 'Bottleneck: ',
    ...FUNNEL_WORDS.en,
    enterprisesWithNeed: 'Enterprises with a need',
    submitted: 'Needs submitted',
    recommended: 'Needs recommended',
    screenedOut: 'Needs screened out',
    declinedFor: 'Declined for: ',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The enterprises' word on a bank's or a chain's cases, from their own page: columns of both tables. */
const FEEDBACK_HEADERS = {
  'zh-CN': {
    contactAnswers: '企业反馈联系数',
    contactConfirmedShare: '企业确认联系占比',
    disputes: '企业反映未联系数',
    ratings: '企业评价数',
    averageRating: '企业平均评分',
  },
  en: {
    contactAnswers: 'Enterprises answering on contact',
    contactConfirmedShare: 'Contact confirmed by the enterprise (share)',
    disputes: 'Contact disputed by the enterprise',
    ratings: 'Ratings',
    averageRating: 'Average rating',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The columns of the per-chain figures. */
export const CHAIN_HEADERS = {
  'zh-CN': {
    chain: '产业链',
    region: '地区',
    leadBank: '主办行',
    deputyBank: '协办行',
    visits: '走访次数',
    enterprisesVisited: '走访企业数',
    needsDiagnosed: '诊断需求数',
    enterprisesFinanced: '获得融资企业数',
    intention: '意向金额（元）',
    intentionWan: '意向金额（万元）',
    signed: '签约金额（元）',
    signedWan: '签约金额（万元）',
    signedCount: '签约笔数',
    claimsWithinSla: '按时认领率',
    chainLeaders: '链主企业数',
    enterprisesWithNeed: '有需求企业数',
    ...FUNNEL_WORDS['zh-CN'],
    ...DECLINES_BY_REASON['zh-CN'],
    ...FEEDBACK_HEADERS['zh-CN'],
  },
  en: {
    chain: 'Industrial chain',
    region: 'Region',
    leadBank: 'Lead bank',
    deputyBank: 'Deputy lead bank',
    visits: 'Visits',
    enterprisesVisited: 'Enterprises visited',
    needsDiagnosed: 'Needs diagnosed',
    enterprisesFinanced: 'Enterprises financed',
    intention: 'Intention (yuan)',
    intentionWan: 'Intention (10k yuan)',
    signed: 'Signed (yuan)',
    signedWan: 'Signed (10k yuan)',
    signedCount: 'Loans signed',
    claimsWithinSla: 'Claimed on time',
    chainLeaders: 'Chain leaders',
    enterprisesWithNeed: 'Enterprises with a need',
    ...FUNNEL_WORDS.en,
    ...DECLINES_BY_REASON.en,
    ...FEEDBACK_HEADERS.en,
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The columns of the funnel of each child region. */
export const REGION_HEADERS = {
  'zh-CN': {
    region: '地区',
    visits: '走访次数',
    needsDiagnosed: '诊断需求数',
    submitted: '申报需求数',
    recommended: '推荐需求数',
    screenedOut: '未通过筛查需求数',
    ...FUNNEL_WORDS['zh-CN'],
    ...DECLINES_BY_REASON['zh-CN'],
    repaired: '二次诊断修复后退回银行的需求数',
    signed: '签约金额（元）',
    signedWan: '签约金额（万元）',
    signedCount: '签约笔数',
  },
  en: {
    region: 'Region',
    visits: 'Visits',
    needsDiagnosed: 'Needs diagnosed',
    submitted: 'Needs submitted',
    recommended: 'Needs recommended',
    screenedOut: 'Needs screened out',
    ...FUNNEL_WORDS.en,
    ...DECLINES_BY_REASON.en,
    repaired: 'Needs repaired and sent back to the bank',
    signed: 'Signed (yuan)',
    signedWan: 'Signed (10k yuan)',
    signedCount: 'Loans signed',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The columns of the per-bank figures. */
export const BANK_HEADERS = {
  'zh-CN': {
    bank: '银行',
    casesAssigned: '在办需求',
    claims: '认领数',
    claimsOnTime: '按时认领数',
    claimOnTimeRate: '按时认领率',
    declines: '退回数',
    escalations: '督办数',
    intention: '意向金额（元）',
    intentionWan: '意向金额（万元）',
    signed: '签约金额（元）',
    signedWan: '签约金额（万元）',
    signedCount: '签约笔数',
    funnelClaimed: FUNNEL_WORDS['zh-CN'].funnelClaimed,
    funnelApproved: FUNNEL_WORDS['zh-CN'].funnelApproved,
    funnelSigned: FUNNEL_WORDS['zh-CN'].funnelSigned,
    ...DECLINES_BY_REASON['zh-CN'],
    ...FEEDBACK_HEADERS['zh-CN'],
  },
  en: {
    bank: 'Bank',
    casesAssigned: 'Needs in hand',
    claims: 'Claims',
    claimsOnTime: 'Claimed on time',
    claimOnTimeRate: 'Claimed on time (share)',
    declines: 'Declines',
    escalations: 'Escalations',
    intention: 'Intention (yuan)',
    intentionWan: 'Intention (10k yuan)',
    signed: 'Signed (yuan)',
    signedWan: 'Signed (10k yuan)',
    signedCount: 'Loans signed',
    funnelClaimed: FUNNEL_WORDS.en.funnelClaimed,
    funnelApproved: FUNNEL_WORDS.en.funnelApproved,
    funnelSigned: FUNNEL_WORDS.en.funnelSigned,
    ...DECLINES_BY_REASON.en,
    ...FEEDBACK_HEADERS.en,
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The files' names before the region and the date, and the name of "every region". */
export const FILE_WORDS = {
  'zh-CN': {
    cases: '需求清单',
    summary: '专项行动汇总',
    chains: '产业链统计',
    banks: '银行统计',
    regions: '地区统计',
    allRegions: '全部地区',
  },
  en: {
    cases: 'cases',
    summary: 'campaign-summary',
    chains: 'chains',
    banks: 'banks',
    regions: 'regions',
    allRegions: 'all-regions',
  },
} as const satisfies Record<Language, Record<string, string>>;
