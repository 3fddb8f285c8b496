import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

/**
 * The reasons the API gives for a rejected row of an enterprise import, as patterns, and what a person
 * reads instead; `{1}`, `{2}` are the pattern's groups (a name, a code). A reason not listed is shown as the
 * API wrote it.
 */
const REASONS: readonly (readonly [RegExp, MessageKey])[] = [
  [/^no industrial chain is named "(.*)"$/u, 'import.reason.noChainNamed'],
  [/^(\d+) industrial chains are named "(.*)", none of them alone/u, 'import.reason.chainAmbiguous'],
  [/^no industrial chain has this id$/u, 'import.reason.noChainId'],
  [/^no region is named "(.*)"$/u, 'import.reason.noRegionNamed'],
  [/^(\d+) regions are named "(.*)" \((.*)\): write its code$/u, 'import.reason.regionAmbiguous'],
  [/^no region has the code (\d{6})$/u, 'import.reason.noRegionCode'],
  [/^is required: a region name or six-digit code$/u, 'import.reason.regionRequired'],
  [/^an enterprise with this unified social credit code exists$/u, 'import.reason.usccTaken'],
  [/^must be an 18-character unified social credit code/u, 'import.reason.usccFormat'],
  [/^must be one of micro, small, medium, large/u, 'import.reason.size'],
  [/^must be one of leader, upstream, downstream, member/u, 'import.reason.chainRole'],
  [/^is required with a chain$/u, 'import.reason.roleWithChain'],
  [/^is required with a chainRole$/u, 'import.reason.chainWithRole'],
  [/^unknown tag "(.*)":/u, 'import.reason.tag'],
  [/^must be a mobile \(13812345678\) or landline/u, 'import.reason.phone'],
];

/** A rejected row's reason in the reader's language, where it is one of the known reasons. */
export function importReason(reason: string, t: Translate): string {
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return t(key, { 1: match[1] ?? '', 2: match[2] ?? '', 3: match[3] ?? '' });
  }
  return reason;
}
