import type { CaseResponse } from '@unblock/cases';
import { shanghaiMinute, wanYuan, type CsvContext, type CsvTable } from '@unblock/http';
import {
  BOTTLENECK_LABELS,
  ESCALATION_LEVEL_LABELS,
  PRIORITY_LABELS,
  PURPOSE_LABELS,
  RESOLUTION_LABELS,
  STATUS_LABELS,
  TERM_LABELS,
  TIER_LABELS,
  labelOf,
} from './export-labels';

/**
 * The cases a list shows, as a file people open in a spreadsheet: Chinese headers, names instead of ids,
 * Asia/Shanghai times, and each amount in exact yuan with its 万元 beside it.
 */
export async function casesTable(items: readonly CaseResponse[], context: CsvContext): Promise<CsvTable> {
  const { names } = context;
  const [enterprises, banks, chains, regions, people] = await Promise.all([
    names.of(
      'enterprise',
      items.map((c) => c.enterpriseId),
    ),
    names.of(
      'organization',
      items.map((c) => c.assignedBankId),
    ),
    names.of(
      'chain',
      items.map((c) => c.chainId),
    ),
    names.of(
      'region',
      items.map((c) => c.regionCode),
    ),
    names.of(
      'user',
      items.map((c) => c.claimedByUserId),
    ),
  ]);
  const nameOf = (map: Map<string, string>, key: string | null): string => (key === null ? '' : (map.get(key) ?? ''));
  const rows = items.map((c) => ({
    需求编号: c.number,
    企业: nameOf(enterprises, c.enterpriseId),
    地区: nameOf(regions, c.regionCode),
    产业链: nameOf(chains, c.chainId),
    状态: labelOf(STATUS_LABELS, c.status),
    分派层级: labelOf(TIER_LABELS, c.routingTier),
    分派银行: nameOf(banks, c.assignedBankId),
    认领人: nameOf(people, c.claimedByUserId),
    '申请金额（元）': c.requestedAmount,
    '申请金额（万元）': wanYuan(c.requestedAmount),
    '意向金额（元）': c.intentionAmount ?? '',
    '意向金额（万元）': wanYuan(c.intentionAmount),
    '签约金额（元）': c.signedAmount,
    '签约金额（万元）': wanYuan(c.signedAmount),
    用途: labelOf(PURPOSE_LABELS, c.purpose),
    期限: labelOf(TERM_LABELS, c.term),
    融资堵点: c.bottlenecks.map((b) => labelOf(BOTTLENECK_LABELS, b)).join('；'),
    优先级: labelOf(PRIORITY_LABELS, c.priority),
    督办级别: ESCALATION_LEVEL_LABELS[c.escalationLevel] ?? '',
    当前时限: shanghaiMinute(c.dueAt),
    暂停于: shanghaiMinute(c.pausedAt),
    关闭原因: labelOf(RESOLUTION_LABELS, c.resolution),
    诊断时间: shanghaiMinute(c.createdAt),
    更新时间: shanghaiMinute(c.updatedAt),
  }));
  return { filename: `需求清单-${context.today}`, rows };
}
