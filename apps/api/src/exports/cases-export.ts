import type { CaseResponse } from '@unblock/cases';
import { shanghaiMinute, wanYuan, type CsvContext, type CsvTable } from '@unblock/http';
import { CASE_WORDS, labelOf } from '@unblock/domain';
import { CASE_HEADERS, FILE_WORDS, LIST_SEPARATOR, headed } from './export-labels';

/**
 * The cases a list shows, as a file people open in a spreadsheet: headers and words in the reader's language
 * (Chinese unless they prefer English), names instead of ids, Asia/Shanghai times, and each amount in exact
 * yuan with its 万元 beside it.
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
  const { language } = context;
  const words = CASE_WORDS[language];
  const headers = CASE_HEADERS[language];
  const rows = items.map((c) =>
    headed(headers, {
      number: c.number,
      enterprise: nameOf(enterprises, c.enterpriseId),
      region: nameOf(regions, c.regionCode),
      chain: nameOf(chains, c.chainId),
      status: labelOf(words.status, c.status),
      tier: labelOf(words.tier, c.routingTier),
      bank: nameOf(banks, c.assignedBankId),
      claimer: nameOf(people, c.claimedByUserId),
      requested: c.requestedAmount,
      requestedWan: wanYuan(c.requestedAmount),
      intention: c.intentionAmount ?? '',
      intentionWan: wanYuan(c.intentionAmount),
      signed: c.signedAmount,
      signedWan: wanYuan(c.signedAmount),
      purpose: labelOf(words.purpose, c.purpose),
      term: labelOf(words.term, c.term),
      bottlenecks: c.bottlenecks.map((b) => labelOf(words.bottleneck, b)).join(LIST_SEPARATOR[language]),
      priority: labelOf(words.priority, c.priority),
      escalationLevel: c.escalationLevel > 0 ? labelOf(words.escalationLevel, c.escalationLevel) : '',
      dueAt: shanghaiMinute(c.dueAt),
      pausedAt: shanghaiMinute(c.pausedAt),
      resolution: labelOf(words.resolution, c.resolution),
      createdAt: shanghaiMinute(c.createdAt),
      updatedAt: shanghaiMinute(c.updatedAt),
    }),
  );
  return { filename: `${FILE_WORDS[language].cases}-${context.today}`, rows };
}
