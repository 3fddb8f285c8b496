import type { Case } from '../../api/types';
import type { Translate } from '../../i18n/i18n';
import { nameOf } from '../../reference/names';

/** Where a case is: its bank, the pool of its chain, or not yet routed. */
export function bankOf(c: Case, banks: readonly { id: string; name: string }[] | undefined, t: Translate): string {
  if (c.assignedBankId !== null) return nameOf(banks, c.assignedBankId);
  if (c.routingTier === 3) return t('tier.3');
  return t('search.notAtBank');
}
