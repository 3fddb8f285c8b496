import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeclineReasonEntity, RepairTaskEntity } from '@unblock/database';
import { DomainError, nextTier, type Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { CaseRouter } from '../routing/case-router';
import { planRoute, unroutablePlan } from '../routing/route-plan';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface DeclineCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  /** A code of the decline-reason catalogue. */
  readonly reason: string;
  readonly text?: string | undefined;
}

/**
 * The holding bank (or a pool member) declines with a reason of the catalogue. A repairable reason puts the
 * case in its second diagnosis (`repairing`, on the supervisors' queue), held for the bank that declined; any
 * other reason, or a decline of a case already repaired once, moves it on to the next tier: lead → deputy →
 * pool. A pool member's decline takes it out of the pool. A renewal (续贷) no other bank can make: declined,
 * it waits for no bank, and its claim deadline takes it to the supervisors, who close it or assign it by hand.
 */
@Injectable()
export class DeclineCaseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly router: CaseRouter,
  ) {}

  async execute(command: DeclineCaseCommand): Promise<CaseResponse> {
    if (command.reason === 'other' && (command.text === undefined || command.text.trim() === '')) {
      throw DomainError.invalid('text', 'is required when the reason is other');
    }
    const reason = await this.dataSource.manager.findOneBy(DeclineReasonEntity, { code: command.reason });
    if (!reason) throw DomainError.invalid('reason', 'is not a reason of the decline-reason catalogue');
    const event = (
      c: { routingTier: number | null },
      organizationId: string,
      next: unknown,
    ): { type: string; data: Record<string, unknown> } => ({
      type: 'declined',
      data: {
        reason: reason.code,
        text: command.text ?? null,
        byOrganizationId: organizationId,
        fromTier: c.routingTier,
        repairable: reason.repairable,
        next,
      },
    });
    // One second diagnosis per case: once repaired, a decline moves it on.
    const repair =
      reason.repairable &&
      !(await this.dataSource.manager.existsBy(RepairTaskEntity, { caseId: command.caseId, status: 'repaired' }));
    if (repair) {
      return this.transitions.apply({ ...command, action: 'decline_to_repair' }, ({ actor, case: c }) => {
        if (c.status !== 'assigned') requireClaimer(c, actor);
        const organizationId = actor.organizationId ?? '';
        return {
          // Held for the bank that declined (a pool member included), to go back to once repaired.
          set: {
            assignedBankId: organizationId,
            claimedByUserId: null,
            pausedAt: null,
            declinedOrgIds: [...new Set([...c.declinedOrgIds, organizationId])],
          },
          pool: [],
          obligations: { cancelOpen: true },
          event: event(c, organizationId, { repairing: true }),
        };
      });
    }
    return this.transitions.apply({ ...command, action: 'decline' }, async ({ manager, actor, case: c }) => {
      if (c.status !== 'assigned') requireClaimer(c, actor);
      const organizationId = actor.organizationId ?? '';
      const declined = [...new Set([...c.declinedOrgIds, organizationId])];
      const fromTier = c.routingTier === 3 ? 3 : nextTier(c.routingTier);
      const subject = { ...c, declinedOrgIds: declined };
      const route =
        c.kind === 'renewal' ? unroutablePlan(subject) : await planRoute(this.router, manager, subject, fromTier);
      return { ...route, event: event(c, organizationId, route.hop) };
    });
  }
}
