import { DomainError, type Actor } from '@unblock/domain';
import type { CaseEntity } from '@unblock/database';

/** While a case is claimed, only the manager who claimed it works it. */
export function requireClaimer(c: CaseEntity, actor: Actor): void {
  if (c.claimedByUserId !== actor.userId) {
    throw new DomainError('forbidden', 'only the manager who claimed the case may do this');
  }
}
