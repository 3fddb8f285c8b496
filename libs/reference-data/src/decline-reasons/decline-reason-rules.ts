import { DomainError, type RepairerKind } from '@unblock/domain';

/** A catalogue entry's repair, as it is to be stored. */
export interface Repair {
  readonly repairable: boolean;
  readonly repairPath: string | null;
  readonly repairerKind: RepairerKind | null;
}

/**
 * A repairable reason says how it is repaired and by whom; one that is not says neither. A 400 naming the
 * field that breaks it.
 */
export function checkRepair(repair: Repair): Repair {
  if (repair.repairable) {
    if (repair.repairPath === null || repair.repairPath.trim() === '') {
      throw DomainError.invalid('repairPath', 'is required for a repairable reason');
    }
    if (repair.repairerKind === null) throw DomainError.invalid('repairerKind', 'is required for a repairable reason');
    return repair;
  }
  if (repair.repairPath !== null) throw DomainError.invalid('repairPath', 'only a repairable reason has one');
  if (repair.repairerKind !== null) throw DomainError.invalid('repairerKind', 'only a repairable reason has one');
  return repair;
}
