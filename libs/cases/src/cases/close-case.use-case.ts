import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type CloseResolution } from '@unblock/domain';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface CloseCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly resolution: CloseResolution;
  readonly note?: string | undefined;
}

/** A supervisor closes an open case; a field officer may only withdraw one. */
@Injectable()
export class CloseCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: CloseCaseCommand): Promise<CaseResponse> {
    if (command.resolution === 'other' && (command.note === undefined || command.note.trim() === '')) {
      throw DomainError.invalid('note', 'is required when the resolution is other');
    }
    return this.transitions.apply({ ...command, action: 'close' }, ({ actor, now }) => {
      if (actor.role === 'field_officer' && command.resolution !== 'withdrawn') {
        throw new DomainError('forbidden', 'a field officer may only close a case as withdrawn');
      }
      return {
        set: { closedAt: now, resolution: command.resolution, pausedAt: null },
        pool: [],
        obligations: { cancelOpen: true },
        event: { type: 'closed', data: { resolution: command.resolution, note: command.note ?? null } },
      };
    });
  }
}
