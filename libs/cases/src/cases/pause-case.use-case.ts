import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@unblock/domain';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface PauseCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly note?: string | undefined;
}

/** Waiting on the enterprise (documents, say): every clock of the case stands still until resumed. */
@Injectable()
export class PauseCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: PauseCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'pause' }, ({ actor, case: c, now }) => {
      requireClaimer(c, actor);
      if (c.pausedAt !== null) {
        throw DomainError.conflict('the case is paused already', undefined, { currentStatus: c.status });
      }
      return {
        set: { pausedAt: now },
        event: { type: 'paused', data: { reason: 'waiting_on_enterprise', note: command.note ?? null } },
      };
    });
  }
}
