import type { DeclineReasonEntity } from '@unblock/database';
import type { RepairerKind } from '@unblock/domain';

export class DeclineReasonResponse {
  id!: string;
  /** The code a decline names (`tax_arrears`). */
  code!: string;
  name!: string;
  /** Whether a decline for this reason can be repaired in a second diagnosis. */
  repairable!: boolean;
  /** How it is repaired, in plain words for the enterprise (repairable reasons only). */
  repairPath!: string | null;
  /** Who repairs it (repairable reasons only). */
  repairerKind!: RepairerKind | null;
}

export function toDeclineReasonResponse(reason: DeclineReasonEntity): DeclineReasonResponse {
  return {
    id: reason.id,
    code: reason.code,
    name: reason.name,
    repairable: reason.repairable,
    repairPath: reason.repairPath,
    repairerKind: reason.repairerKind,
  };
}
