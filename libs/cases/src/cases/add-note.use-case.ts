import { Injectable } from '@nestjs/common';
import type { Actor } from '@unblock/domain';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface AddNoteCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly text: string;
}

/** Anyone who sees a case may add a note to its timeline, in any status. */
@Injectable()
export class AddNoteUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: AddNoteCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'note' }, () => ({
      event: { type: 'note', data: { text: command.text } },
    }));
  }
}
