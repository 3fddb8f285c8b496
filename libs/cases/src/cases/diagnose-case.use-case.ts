import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignEntity,
  CaseEntity,
  EnterpriseEntity,
  NEXT_CASE_NUMBER,
  VisitEntity,
  inTransaction,
} from '@unblock/database';
import {
  Clock,
  DomainError,
  WEEKENDS_ONLY,
  canReadRegion,
  isWithinRegion,
  localDate,
  normalizeMoney,
  type Actor,
  type Bottleneck,
  type CasePriority,
  type CaseSource,
  type Purpose,
  type ScreeningMode,
  type Term,
} from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseRouter } from '../routing/case-router';
import { planRoute } from '../routing/route-plan';
import { CaseRepository } from '../lifecycle/case.repository';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import { whereVisitVisible } from '../visits/visit-visibility';
import { CaseResponse, toCaseResponse } from './case.response';

export interface DiagnoseCaseCommand {
  readonly actor: Actor;
  /** Where the need came from; `visit` when left out and a visit is named. */
  readonly source?: CaseSource | undefined;
  /** The visit the need was found on (source `visit`). */
  readonly visitId?: string | undefined;
  /** The enterprise and campaign of a need from another channel (`phone`, `list`), with no visit. */
  readonly enterpriseId?: string | undefined;
  readonly campaignId?: string | undefined;
  /**
   * The enterprise link a need of source `enterprise` was published through: only the enterprise's own page
   * (`PublishNeedUseCase`) gives one, so staff never record that source.
   */
  readonly portalLinkId?: string | undefined;
  /** The row key of an imported need: a case with this key already answers, and nothing is written. */
  readonly intakeKey?: string | undefined;
  readonly requestedAmount: string;
  readonly purpose: Purpose;
  readonly term: Term;
  readonly bottlenecks: readonly Bottleneck[];
  readonly note?: string | undefined;
  readonly priority?: CasePriority | undefined;
  /**
   * Route at once by the "1+2+N" rule (default), or leave the case diagnosed. In a campaign with screening, a
   * new need is submitted for screening instead, whatever this says.
   */
  readonly route?: boolean | undefined;
}

/** A need as created: the case, and whether it is new (false: an imported row's key found an earlier case). */
export interface DiagnosedCase {
  readonly case: CaseResponse;
  readonly created: boolean;
}

/** Where a new need stands: its source, enterprise and campaign, and the visit it was found on. */
interface Origin {
  readonly source: CaseSource;
  readonly enterprise: EnterpriseEntity;
  readonly campaignId: string;
  readonly visitId: string | null;
  /** The enterprise link of a need the enterprise published (no user acted). */
  readonly portalLinkId: string | null;
  /** Whether the campaign holds its new needs for screening. */
  readonly screening: ScreeningMode;
}

/**
 * Records a financing need, from a visit (source `visit`), a phone call (`phone`) or a list (`list`): a new
 * case, numbered C-<year>-<sequence>, and, unless told otherwise, routed at once in the same transaction.
 * The one way a case is born, for `POST /cases` and for the needs of a 申报清单 (`POST /imports/needs`).
 * A need the enterprise publishes itself (`enterprise`) comes from its own page (with its link), never from staff.
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
    return (await this.createOnce(command)).case;
  }

  /**
   * The need in a transaction of its own. With an intake key, a need written meanwhile under the same key (a
   * retry that raced the first request) answers instead of a duplicate.
   */
  async createOnce(command: DiagnoseCaseCommand): Promise<DiagnosedCase> {
    try {
      return await inTransaction(this.dataSource, (manager) => this.createIn(manager, command));
    } catch (error: unknown) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (command.intakeKey === undefined || constraint !== 'cases_intake_key') throw error;
      const earlier = await this.dataSource.manager.findOneByOrFail(CaseEntity, { intakeKey: command.intakeKey });
      return { case: toCaseResponse(earlier), created: false };
    }
  }

  /** The need in the caller's transaction (an import's batch). */
  async createIn(manager: EntityManager, command: DiagnoseCaseCommand): Promise<DiagnosedCase> {
    const origin = await this.origin(manager, command);
    if (command.intakeKey !== undefined) {
      const earlier = await manager.findOneBy(CaseEntity, { intakeKey: command.intakeKey });
      if (earlier) return { case: toCaseResponse(earlier), created: false };
    }
    return { case: await this.insert(manager, command, origin), created: true };
  }

  private async insert(manager: EntityManager, command: DiagnoseCaseCommand, origin: Origin): Promise<CaseResponse> {
    const { enterprise } = origin;
    const now = this.clock.now();
    const rows = await manager.query<{ n: string }[]>(NEXT_CASE_NUMBER);
    const number = `C-${localDate(now, WEEKENDS_ONLY).slice(0, 4)}-${(rows[0]?.n ?? '0').padStart(6, '0')}`;
    const requestedAmount = normalizeMoney(command.requestedAmount);
    const bottlenecks = [...new Set(command.bottlenecks)];
    const caseId = await this.repository.insert(
      manager,
      {
        number,
        enterpriseId: enterprise.id,
        campaignId: origin.campaignId,
        source: origin.source,
        originVisitId: origin.visitId,
        intakeKey: command.intakeKey ?? null,
        regionCode: enterprise.regionCode,
        chainId: enterprise.chainId,
        requestedAmount,
        purpose: command.purpose,
        term: command.term,
        bottlenecks,
        priority: command.priority ?? (enterprise.chainRole === 'leader' ? 'high' : 'normal'),
      },
      {
        actorUserId: origin.portalLinkId === null ? command.actor.userId : null,
        at: now,
        data: {
          source: origin.source,
          visitId: origin.visitId,
          ...(origin.portalLinkId === null ? {} : { linkId: origin.portalLinkId }),
          requestedAmount,
          bottlenecks,
          note: command.note ?? null,
        },
      },
    );
    if (origin.screening === 'required') {
      // The campaign's screening is the system's act on the need: it waits for the task force, on its clock.
      const submit = { caseId, action: 'submit' as const, actor: command.actor, system: true };
      return this.transitions.applyIn(manager, submit, () => ({
        obligations: { open: ['screening'] },
        event: { type: 'submitted' },
      }));
    }
    if (command.route === false) {
      return toCaseResponse(await manager.findOneByOrFail(CaseEntity, { id: caseId }));
    }
    // Routing is the system's act on the diagnosis, so it needs no role of the diagnosing user.
    const route = { caseId, action: 'route' as const, actor: command.actor, system: true };
    return this.transitions.applyIn(manager, route, async (context) => {
      const plan = await planRoute(this.router, manager, context.case, 1);
      return { ...plan, event: { type: 'routed', data: plan.hop } };
    });
  }

  /**
   * The need's source, enterprise, campaign and visit, checked: a visit the caller can see, or an enterprise
   * in the caller's region and a campaign covering it. A bad combination is a 400 naming the field.
   */
  private async origin(manager: EntityManager, command: DiagnoseCaseCommand): Promise<Origin> {
    const source = command.source ?? (command.visitId !== undefined ? 'visit' : undefined);
    if (source === undefined) throw DomainError.invalid('source', 'is required when no visitId is given');
    if (source === 'enterprise') return this.published(manager, command);
    if (command.portalLinkId !== undefined) throw new Error('a need from an enterprise link is of source enterprise');
    if (source === 'visit') {
      if (command.visitId === undefined) throw DomainError.invalid('visitId', 'is required for a need from a visit');
      for (const field of ['enterpriseId', 'campaignId'] as const) {
        if (command[field] !== undefined) {
          throw DomainError.invalid(field, 'a need from a visit takes its enterprise and campaign from the visit');
        }
      }
      const qb = manager
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .where('v.id = :id', { id: command.visitId });
      const visit = await whereVisitVisible(qb, command.actor).getOne();
      if (!visit) throw DomainError.invalid('visitId', 'no visit you can see has this id');
      const enterprise = await manager.findOneByOrFail(EnterpriseEntity, { id: visit.enterpriseId });
      const { screening } = await manager.findOneOrFail(CampaignEntity, {
        where: { id: visit.campaignId },
        select: ['id', 'screening'],
      });
      return { source, enterprise, campaignId: visit.campaignId, visitId: visit.id, screening, portalLinkId: null };
    }
    if (command.visitId !== undefined) {
      throw DomainError.invalid('visitId', `a need of source ${source} has no visit`);
    }
    if (command.enterpriseId === undefined) {
      throw DomainError.invalid('enterpriseId', `is required for a need of source ${source}`);
    }
    if (command.campaignId === undefined) {
      throw DomainError.invalid('campaignId', `is required for a need of source ${source}`);
    }
    if (command.actor.role === 'bank_manager') {
      throw new DomainError('forbidden', 'a bank manager records needs found on visits only');
    }
    const enterprise = await manager.findOneBy(EnterpriseEntity, { id: command.enterpriseId });
    if (!enterprise || !canReadRegion(command.actor, enterprise.regionCode)) {
      throw DomainError.invalid('enterpriseId', 'no enterprise in your region has this id');
    }
    const campaign = await manager.findOneBy(CampaignEntity, { id: command.campaignId });
    if (
      !campaign ||
      !(
        isWithinRegion(enterprise.regionCode, campaign.regionCode) ||
        isWithinRegion(campaign.regionCode, enterprise.regionCode)
      )
    ) {
      throw DomainError.invalid('campaignId', 'no campaign covering this enterprise has this id');
    }
    return {
      source,
      enterprise,
      campaignId: campaign.id,
      visitId: null,
      screening: campaign.screening,
      portalLinkId: null,
    };
  }

  /**
   * A need the enterprise published on its own page: the link's enterprise (the caller resolved it from the
   * link) and a campaign covering it. Without a link, staff tried the source: a 400.
   */
  private async published(manager: EntityManager, command: DiagnoseCaseCommand): Promise<Origin> {
    if (command.portalLinkId === undefined) {
      throw DomainError.invalid('source', 'a need of source enterprise is published on the enterprise’s own page');
    }
    if (command.enterpriseId === undefined || command.campaignId === undefined) {
      throw new Error('a published need names its enterprise and campaign');
    }
    const enterprise = await manager.findOneByOrFail(EnterpriseEntity, { id: command.enterpriseId });
    const campaign = await manager.findOneBy(CampaignEntity, { id: command.campaignId });
    if (!campaign || !isWithinRegion(enterprise.regionCode, campaign.regionCode)) {
      throw DomainError.invalid('campaignId', 'no campaign covering this enterprise has this id');
    }
    return {
      source: 'enterprise',
      enterprise,
      campaignId: campaign.id,
      visitId: null,
      screening: campaign.screening,
      portalLinkId: command.portalLinkId,
    };
  }
}
