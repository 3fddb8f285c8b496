import { Injectable } from '@nestjs/common';
import { DomainError } from '@unblock/domain';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import { requireClaimer } from './claimer';
import { CaseResponse } from './case.response';
import type { PauseCaseCommand } from './pause-case.use-case';

/** The enterprise answered: the clocks run again, every open deadline pushed back by the pause. */
@Injectable()
export class ResumeCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: PauseCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'resume' }, ({ actor, case: c, now }) => {
      requireClaimer(c, actor);
      if (c.pausedAt === null) {
        throw DomainError.conflict('the case is not paused', undefined, { currentStatus: c.status });
      }
      const pausedMs = now.getTime() - c.pausedAt.getTime();
      return {
        set: { pausedAt: null },
        obligations: { shiftMs: pausedMs },
        event: { type: 'resumed', data: { pausedMs, note: command.note ?? null } },
      };
    });
  }
}
