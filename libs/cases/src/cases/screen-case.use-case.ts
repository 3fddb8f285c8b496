import { Injectable } from '@nestjs/common';
import { ScreeningEntity } from '@unblock/database';
import {
  DomainError,
  SCREENING_CRITERIA,
  type Actor,
  type ScreeningCriterion,
  type ScreeningDecision,
} from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { CaseRouter } from '../routing/case-router';
import { planRoute } from '../routing/route-plan';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

/** One criterion as screened: met or not, with a note. */
export interface CriterionCheck {
  readonly met: boolean;
  readonly note?: string | undefined;
}

export interface ScreenCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly criteria: Readonly<Record<ScreeningCriterion, CriterionCheck>>;
  readonly decision: ScreeningDecision;
  readonly note?: string | undefined;
}

/**
 * The task force screens a submitted need against the five criteria (申报清单 → 推荐清单). `recommend`
 * (every criterion met) routes it by "1+2+N" at once; `screen_out` (some criterion not met) ends it, the
 * criteria not met recorded for the enterprise. Either meets the screening deadline, and stores the screening.
 */
@Injectable()
export class ScreenCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly router: CaseRouter,
  ) {}

  execute(command: ScreenCaseCommand): Promise<CaseResponse> {
    const unmet = SCREENING_CRITERIA.filter((c) => !command.criteria[c].met);
    if (command.decision === 'recommend' && unmet[0] !== undefined) {
      throw DomainError.invalid(`criteria.${unmet[0]}`, 'a need recommended to the banks meets every criterion');
    }
    if (command.decision === 'screen_out' && unmet.length === 0) {
      throw DomainError.invalid('decision', 'a need that meets every criterion is recommended, not screened out');
    }
    const record = async (manager: EntityManager, caseId: string, at: Date): Promise<void> => {
      const { criteria: k } = command;
      await manager.insert(ScreeningEntity, {
        caseId,
        compliantOperation: k.compliantOperation.met,
        compliantOperationNote: k.compliantOperation.note ?? null,
        fixedPremises: k.fixedPremises.met,
        fixedPremisesNote: k.fixedPremises.note ?? null,
        genuineNeed: k.genuineNeed.met,
        genuineNeedNote: k.genuineNeed.note ?? null,
        goodCredit: k.goodCredit.met,
        goodCreditNote: k.goodCredit.note ?? null,
        lawfulPurpose: k.lawfulPurpose.met,
        lawfulPurposeNote: k.lawfulPurpose.note ?? null,
        decision: command.decision,
        note: command.note ?? null,
        screenedByUserId: command.actor.userId,
        screenedAt: at,
      });
    };
    const screening = { criteria: command.criteria, unmet, note: command.note ?? null };
    if (command.decision === 'screen_out') {
      return this.transitions.apply({ ...command, action: 'screen_out' }, ({ now }) => ({
        set: { closedAt: now },
        obligations: { meet: ['screening'] },
        event: { type: 'screened_out', data: screening },
        after: (manager, updated) => record(manager, updated.id, now),
      }));
    }
    return this.transitions.apply({ ...command, action: 'recommend' }, async ({ manager, now, case: c }) => {
      const route = await planRoute(this.router, manager, c, 1);
      return {
        ...route,
        obligations: { meet: ['screening'], open: ['claim'] },
        event: { type: 'recommended', data: { ...screening, next: route.hop } },
        after: (manager, updated) => record(manager, updated.id, now),
      };
    });
  }
}
