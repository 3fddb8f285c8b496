import type { CaseResponse } from '@unblock/cases';
import {
  BOTTLENECKS,
  CASE_STATUSES,
  ESCALATION_LEVELS,
  LANGUAGES,
  PURPOSES,
  ROUTING_TIERS,
  TERMS,
  type Language,
} from '@unblock/domain';
import type { CsvContext, CsvNames } from '@unblock/http';
import { en, type Messages } from '../../../web/src/i18n/messages.en';
import { zhCN } from '../../../web/src/i18n/messages.zh-cn';
import { casesTable } from './cases-export';
import { CASE_HEADERS, LIST_SEPARATOR } from './export-labels';

const CONSOLE: Readonly<Record<Language, Messages>> = { 'zh-CN': zhCN, en };

/** Names are looked up in the database; these specs read only the words of the enumerations. */
const noNames = { of: () => Promise.resolve(new Map<string, string>()) } as unknown as CsvNames;

const contextIn = (language: Language): CsvContext => ({
  query: {},
  actor: undefined,
  names: noNames,
  today: '2026-12-07',
  language,
});

/** As many cases as the longest enumeration, so every status, tier, level, purpose and term occurs. */
const size = Math.max(CASE_STATUSES.length, PURPOSES.length, TERMS.length, ROUTING_TIERS.length);
const cases = Array.from({ length: size }, (_, i) => ({
  number: `C-2026-${String(i).padStart(6, '0')}`,
  enterpriseId: null,
  regionCode: null,
  chainId: null,
  assignedBankId: null,
  claimedByUserId: null,
  requestedAmount: '1000000.00',
  intentionAmount: null,
  signedAmount: '0.00',
  status: CASE_STATUSES[i % CASE_STATUSES.length],
  routingTier: ROUTING_TIERS[i % ROUTING_TIERS.length],
  purpose: PURPOSES[i % PURPOSES.length],
  term: TERMS[i % TERMS.length],
  bottlenecks: [...BOTTLENECKS],
  priority: 'normal',
  escalationLevel: ESCALATION_LEVELS[i % ESCALATION_LEVELS.length],
  dueAt: null,
  pausedAt: null,
  resolution: null,
  createdAt: '2026-12-07T00:00:00.000Z',
  updatedAt: '2026-12-07T00:00:00.000Z',
})) as unknown as CaseResponse[];

describe.each(LANGUAGES)('the cases export in %s', (language) => {
  const words = CONSOLE[language];
  const headers = CASE_HEADERS[language];
  const say = (key: string): string => words[key as keyof Messages];

  it('writes every status, purpose, term and bottleneck in the console’s very words', async () => {
    const { rows } = await casesTable(cases, contextIn(language));
    const cells = rows as Record<string, string>[];
    cases.forEach((c, i) => {
      const row = cells[i];
      expect(row?.[headers.status]).toBe(say(`status.${c.status}`));
      expect(row?.[headers.purpose]).toBe(say(`purpose.${c.purpose}`));
      expect(row?.[headers.term]).toBe(say(`term.${c.term}`));
      expect(row?.[headers.bottlenecks]).toBe(
        BOTTLENECKS.map((b) => say(`bottleneck.${b}`)).join(LIST_SEPARATOR[language]),
      );
    });
    const seen = (header: string): Set<string> => new Set(cells.map((r) => r[header] ?? ''));
    expect(seen(headers.status)).toEqual(new Set(CASE_STATUSES.map((s) => say(`status.${s}`))));
    expect(seen(headers.purpose)).toEqual(new Set(PURPOSES.map((p) => say(`purpose.${p}`))));
    expect(seen(headers.term)).toEqual(new Set(TERMS.map((t) => say(`term.${t}`))));
  });

  it('names tiers 主办行 / 协办行 / 成员机构池 and 督办 levels as the console does', async () => {
    const { rows } = await casesTable(cases, contextIn(language));
    const cells = rows as Record<string, string>[];
    cases.forEach((c, i) => {
      const row = cells[i];
      // The console writes these in a sentence (lower case) in English; a cell starts with a capital.
      expect(row?.[headers.tier]?.toLowerCase()).toBe(say(`tier.${String(c.routingTier)}`).toLowerCase());
      expect(row?.[headers.escalationLevel]?.toLowerCase()).toBe(
        say(`escalation.level.${c.escalationLevel}`).toLowerCase(),
      );
    });
  });

  it('keeps a status it does not know as it is, and names the file in the reader’s language', async () => {
    const unknown = [{ ...cases[0], status: 'archived' }] as unknown as CaseResponse[];
    const table = await casesTable(unknown, contextIn(language));
    expect((table.rows[0] as Record<string, string>)[headers.status]).toBe('archived');
    expect(table.filename).toBe(language === 'en' ? 'cases-2026-12-07' : '需求清单-2026-12-07');
  });
});
