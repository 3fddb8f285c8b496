import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEntity, EnterpriseEntity, NEXT_CASE_NUMBER, VisitEntity, inTransaction } from '@unblock/database';
import {
  Clock,
  DomainError,
  WEEKENDS_ONLY,
  localDate,
  normalizeMoney,
  type Actor,
  type Bottleneck,
  type CasePriority,
  type Purpose,
  type Term,
} from '@unblock/domain';
import { DataSource } from 'typeorm';
import { CaseRouter } from '../routing/case-router';
import { planRoute } from '../routing/route-plan';
import { CaseRepository } from '../lifecycle/case.repository';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import { whereVisitVisible } from '../visits/visit-visibility';
import { CaseResponse, toCaseResponse } from './case.response';

export interface DiagnoseCaseCommand {
  readonly actor: Actor;
  readonly visitId: string;
  readonly requestedAmount: string;
  readonly purpose: Purpose;
  readonly term: Term;
  readonly bottlenecks: readonly Bottleneck[];
  readonly note?: string | undefined;
  readonly priority?: CasePriority | undefined;
  /** Route at once by the "1+2+N" rule (default), or leave the case diagnosed. */
  readonly route?: boolean | undefined;
}

/**
 * Diagnoses a financing need found on a visit: a new case, numbered C-<year>-<sequence>, and, unless told
 * otherwise, routed at once in the same transaction.
 */
@Injectable()
export class DiagnoseCaseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly transitions: CaseTransitions,
    private readonly repository: CaseRepository,
    private readonly router: CaseRouter,
  ) {}

  async execute(command: DiagnoseCaseCommand): Promise<CaseResponse> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const qb = manager
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .where('v.id = :id', { id: command.visitId });
      const visit = await whereVisitVisible(qb, command.actor).getOne();
      if (!visit) throw DomainError.invalid('visitId', 'no visit you can see has this id');
      const enterprise = await manager.findOneByOrFail(EnterpriseEntity, { id: visit.enterpriseId });
      const rows = await manager.query<{ n: string }[]>(NEXT_CASE_NUMBER);
      const number = `C-${localDate(now, WEEKENDS_ONLY).slice(0, 4)}-${(rows[0]?.n ?? '0').padStart(6, '0')}`;
      const requestedAmount = normalizeMoney(command.requestedAmount);
      const bottlenecks = [...new Set(command.bottlenecks)];
      const caseId = await this.repository.insert(
        manager,
        {
          number,
          enterpriseId: enterprise.id,
          campaignId: visit.campaignId,
          originVisitId: visit.id,
          regionCode: enterprise.regionCode,
          chainId: enterprise.chainId,
          requestedAmount,
          purpose: command.purpose,
          term: command.term,
          bottlenecks,
          priority: command.priority ?? (enterprise.chainRole === 'leader' ? 'high' : 'normal'),
        },
        {
          actorUserId: command.actor.userId,
          at: now,
          data: { visitId: visit.id, requestedAmount, bottlenecks, note: command.note ?? null },
        },
      );
      if (command.route === false) {
        return toCaseResponse(await manager.findOneByOrFail(CaseEntity, { id: caseId }));
      }
      // Routing is the system's act on the diagnosis, so it needs no role of the diagnosing user.
      const route = { caseId, action: 'route' as const, actor: command.actor, system: true };
      return this.transitions.applyIn(manager, route, async (context) => {
        const plan = await planRoute(this.router, manager, context.case, 1);
        return { ...plan, event: { type: 'routed', data: plan.hop } };
      });
    });
  }
}
