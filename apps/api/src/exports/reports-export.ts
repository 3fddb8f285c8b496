import type { CsvContext, CsvTable } from '@unblock/http';
import { wanYuan } from '@unblock/http';
import type { BankFigures, CampaignFigures, ChainFigures, FeedbackFigures } from '@unblock/reports';
import { BOTTLENECK_LABELS, STATUS_LABELS, labelOf } from './export-labels';

/** A share "0.4321" as people read it: "43.21%". */
function percent(share: string | null): string {
  if (share === null) return '';
  const [whole = '0', fraction = ''] = share.split('.');
  const basis = `${whole}${fraction.padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d)/u, '');
  const text = basis.padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}%`;
}

/** The region the figures cover, by name, for the file's name: the query's region, else the reader's. */
async function scopeName(context: CsvContext): Promise<string> {
  const code =
    typeof context.query['regionCode'] === 'string' ? context.query['regionCode'] : context.actor?.regionCode;
  if (!code) return '全部地区';
  return (await context.names.of('region', [code])).get(code) ?? code;
}

/** The campaign's figures, one per row: 指标, 数值, and 万元 beside the amounts. */
export async function summaryTable(figures: CampaignFigures, context: CsvContext): Promise<CsvTable> {
  const row = (指标: string, 数值: string | number | null, amount = false): object => ({
    指标,
    数值: 数值 ?? '',
    万元: amount && typeof 数值 === 'string' ? wanYuan(数值) : '',
  });
  const rows = [
    row('走访次数', figures.visits),
    row('走访企业数', figures.enterprisesVisited),
    row('诊断需求数', figures.needsDiagnosed),
    ...Object.entries(figures.casesByStatus).map(([status, count]) =>
      row(`需求数：${labelOf(STATUS_LABELS, status)}`, count),
    ),
    row('获得融资企业数', figures.enterprisesFinanced),
    row('意向金额（元）', figures.intentionAmount, true),
    row('签约金额（元）', figures.signedAmount, true),
    row('签约笔数', figures.signedCount),
    row('中长期贷款占比', percent(figures.longTermShare)),
    row('链主企业占比', percent(figures.chainLeaderShare)),
    row('按时认领率', percent(figures.claimsWithinSlaShare)),
    row('认领用时中位数（工作日）', figures.medianBusinessDaysToClaim),
    row('签约用时中位数（工作日）', figures.medianBusinessDaysToSigning),
    ...figures.topBottlenecks.map((b) => row(`融资堵点：${labelOf(BOTTLENECK_LABELS, b.bottleneck)}`, b.count)),
  ];
  return { filename: `专项行动汇总-${await scopeName(context)}-${context.today}`, rows };
}

/** The figures per chain, named with its region and its lead and deputy banks. */
export async function chainsTable(chains: readonly ChainFigures[], context: CsvContext): Promise<CsvTable> {
  const regions = await context.names.of(
    'region',
    chains.map((c) => c.regionCode),
  );
  const rows = chains.map((c) => ({
    产业链: c.chainName,
    地区: regions.get(c.regionCode) ?? '',
    主办行: c.leadBankName,
    协办行: c.deputyBankName,
    走访次数: c.visits,
    走访企业数: c.enterprisesVisited,
    诊断需求数: c.needsDiagnosed,
    获得融资企业数: c.enterprisesFinanced,
    '意向金额（元）': c.intentionAmount,
    '意向金额（万元）': wanYuan(c.intentionAmount),
    '签约金额（元）': c.signedAmount,
    '签约金额（万元）': wanYuan(c.signedAmount),
    签约笔数: c.signedCount,
    按时认领率: percent(c.claimsWithinSlaShare),
    ...feedbackColumns(c.feedback),
  }));
  return { filename: `产业链统计-${await scopeName(context)}-${context.today}`, rows };
}

/** The enterprises' word on a bank's or chain's cases, from their own page. */
function feedbackColumns(f: FeedbackFigures): Record<string, string | number> {
  return {
    企业反馈联系数: f.contactAnswers,
    企业确认联系占比: percent(f.contactConfirmedShare),
    企业反映未联系数: f.disputes,
    企业评价数: f.ratings,
    企业平均评分: f.averageRating ?? '',
  };
}

/** The figures per bank. */
export async function banksTable(banks: readonly BankFigures[], context: CsvContext): Promise<CsvTable> {
  const rows = banks.map((b) => ({
    银行: b.bankName,
    在办需求: b.casesAssigned,
    认领数: b.claims,
    按时认领数: b.claimsOnTime,
    按时认领率: percent(b.claimOnTimeRate),
    退回数: b.declines,
    督办数: b.escalations,
    '意向金额（元）': b.intentionAmount,
    '意向金额（万元）': wanYuan(b.intentionAmount),
    '签约金额（元）': b.signedAmount,
    '签约金额（万元）': wanYuan(b.signedAmount),
    签约笔数: b.signedCount,
    ...feedbackColumns(b.feedback),
  }));
  return { filename: `银行统计-${await scopeName(context)}-${context.today}`, rows };
}
