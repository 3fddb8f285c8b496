import { Injectable } from '@nestjs/common';
import { DomainError, type Actor, type Obligation } from '@unblock/domain';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface ExtendDeadlineCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  /** The open obligation to extend; the nearest when left out. */
  readonly obligation?: Obligation | undefined;
  readonly until: Date;
  readonly note?: string | undefined;
}

/** A supervisor moves an open deadline later. */
@Injectable()
export class ExtendDeadlineUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ExtendDeadlineCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'extend' }, ({ open }) => {
      const sorted = [...open].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      const target =
        command.obligation === undefined ? sorted[0] : sorted.find((o) => o.obligation === command.obligation);
      if (!target) {
        throw DomainError.invalid('obligation', command.obligation ? 'is not open on this case' : 'no open deadline');
      }
      if (command.until.getTime() <= target.dueAt.getTime()) {
        throw DomainError.invalid('until', `must be later than the current deadline ${target.dueAt.toISOString()}`);
      }
      return {
        obligations: { move: { obligation: target.obligation, dueAt: command.until } },
        event: {
          type: 'deadline_extended',
          data: {
            obligation: target.obligation,
            previousDueAt: target.dueAt.toISOString(),
            dueAt: command.until.toISOString(),
            note: command.note ?? null,
          },
        },
      };
    });
  }
}
