import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTRACT_RENEWAL_CASE,
  CaseEntity,
  NEXT_CASE_NUMBER,
  RENEWABLE_CONTRACT,
  inTransaction,
} from '@unblock/database';
import {
  Clock,
  DomainError,
  WEEKENDS_ONLY,
  canReadRegion,
  endOfLocalDay,
  localDate,
  normalizeMoney,
  type Actor,
  type ChainRole,
  type LoanRenewal,
  type Purpose,
  type Term,
} from '@unblock/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { toCaseResponse, type CaseResponse } from '../cases/case.response';
import { CaseRepository } from '../lifecycle/case.repository';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import { SYSTEM_ACTOR } from '../lifecycle/transition.types';
import type { PortalAccess } from '../portal/portal-access';

/** Who applies: staff (an officer, a supervisor, the holding bank's manager), or the enterprise on its page. */
export type RenewalApplicant = { readonly actor: Actor } | { readonly access: PortalAccess };

export interface RequestRenewalCommand {
  readonly applicant: RenewalApplicant;
  readonly contractId: string;
  /** Yuan, a decimal string; the contract's amount when left out. */
  readonly requestedAmount?: string | undefined;
  /** Asks for a renewal without repayment of the principal (无还本续贷). */
  readonly withoutRepayment?: boolean | undefined;
  readonly note?: string | undefined;
  /** The `Idempotency-Key`: a retry with the same key answers the renewal it opened, and writes nothing. */
  readonly retryKey?: string | undefined;
}

/** A renewal as opened: the case, and whether it is new (false: a retry of the same key found it). */
export interface RequestedRenewal {
  readonly case: CaseResponse;
  readonly created: boolean;
}

interface ContractRow {
  id: string;
  bank_id: string;
  amount: string;
  contract_no: string;
  matures_on: string | null;
  enterprise_id: string;
  campaign_id: string;
  purpose: Purpose;
  term: Term;
  region_code: string;
  chain_id: string | null;
  chain_role: ChainRole | null;
}

/**
 * A renewal (续贷) of a loan contract before it matures: a case of kind `renewal` for the same enterprise and
 * campaign, assigned at once to the bank that holds the loan (no screening, no "1+2+N"), on the usual claim
 * clock, its decision and signing due no later than the end of the maturity date (`renewalDueBy`). One
 * renewal per contract that counts (any but a closed one); a matured contract, or one without a maturity
 * date, is not renewed.
 */
@Injectable()
export class RequestRenewalUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repository: CaseRepository,
    private readonly transitions: CaseTransitions,
  ) {}

  async execute(command: RequestRenewalCommand): Promise<RequestedRenewal> {
    const intakeKey = this.intakeKey(command);
    try {
      return await inTransaction(this.dataSource, (manager) => this.open(manager, command, intakeKey));
    } catch (error: unknown) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (intakeKey === undefined || constraint !== 'cases_intake_key') throw error;
      const earlier = await this.dataSource.manager.findOneByOrFail(CaseEntity, { intakeKey });
      return { case: toCaseResponse(earlier), created: false };
    }
  }

  /** A digest of who applies and the key (an intake key holds 64 characters). */
  private intakeKey(command: RequestRenewalCommand): string | undefined {
    if (command.retryKey === undefined) return undefined;
    const who =
      'access' in command.applicant ? `portal:${command.applicant.access.linkId}` : command.applicant.actor.userId;
    return createHash('sha256').update(`renewal:${who}:${command.retryKey}`).digest('hex');
  }

  private async open(
    manager: EntityManager,
    command: RequestRenewalCommand,
    intakeKey: string | undefined,
  ): Promise<RequestedRenewal> {
    const { applicant } = command;
    if (intakeKey !== undefined) {
      const earlier = await manager.findOneBy(CaseEntity, { intakeKey });
      if (earlier) return { case: toCaseResponse(earlier), created: false };
    }
    const [contract] = await manager.query<ContractRow[]>(RENEWABLE_CONTRACT, [command.contractId]);
    if (contract === undefined || !this.mayApply(applicant, contract)) throw DomainError.notFound('contract');
    const now = this.clock.now();
    const today = localDate(now, WEEKENDS_ONLY);
    if (contract.matures_on === null) {
      throw DomainError.conflict('the contract records no maturity date: it cannot be renewed');
    }
    if (contract.matures_on < today) {
      throw DomainError.conflict(`the contract matured on ${contract.matures_on}: it can no longer be renewed`);
    }
    const [existing] = await manager.query<{ id: string; number: string }[]>(CONTRACT_RENEWAL_CASE, [contract.id]);
    if (existing !== undefined) {
      throw DomainError.conflict(`the contract already has a renewal: case ${existing.number}`, undefined, {
        caseId: existing.id,
        caseNumber: existing.number,
      });
    }
    const requestedRenewal: Exclude<LoanRenewal, 'none'> =
      command.withoutRepayment === true ? 'renewal_without_repayment' : 'renewal';
    const requestedAmount = normalizeMoney(command.requestedAmount ?? contract.amount);
    const [sequence] = await manager.query<{ n: string }[]>(NEXT_CASE_NUMBER);
    const number = `C-${today.slice(0, 4)}-${(sequence?.n ?? '0').padStart(6, '0')}`;
    const portalLinkId = 'access' in applicant ? applicant.access.linkId : null;
    const caseId = await this.repository.insert(
      manager,
      {
        number,
        kind: 'renewal',
        renewalOfContractId: contract.id,
        requestedRenewal,
        renewalDueBy: endOfLocalDay(contract.matures_on, WEEKENDS_ONLY),
        enterpriseId: contract.enterprise_id,
        campaignId: contract.campaign_id,
        // The enterprise's own page, or staff applying for it (by phone or in person).
        source: portalLinkId === null ? 'phone' : 'enterprise',
        originVisitId: null,
        intakeKey: intakeKey ?? null,
        regionCode: contract.region_code,
        chainId: contract.chain_id,
        requestedAmount,
        purpose: contract.purpose,
        term: contract.term,
        bottlenecks: [],
        priority: contract.chain_role === 'leader' ? 'high' : 'normal',
      },
      {
        actorUserId: 'actor' in applicant ? applicant.actor.userId : null,
        at: now,
        data: {
          source: portalLinkId === null ? 'phone' : 'enterprise',
          visitId: null,
          ...(portalLinkId === null ? {} : { linkId: portalLinkId }),
          requestedAmount,
          bottlenecks: [],
          note: command.note ?? null,
        },
      },
    );
    // The holding bank has it at once: the system's act on the application, as routing is on a need.
    const actor = 'actor' in applicant ? applicant.actor : SYSTEM_ACTOR;
    const assigned = await this.transitions.applyIn(manager, { caseId, action: 'route', actor, system: true }, () => ({
      set: { routingTier: 1, assignedBankId: contract.bank_id, claimedByUserId: null },
      pool: [],
      obligations: { open: ['claim'] },
      event: {
        type: 'renewal_requested',
        data: {
          contractId: contract.id,
          contractNo: contract.contract_no,
          bankId: contract.bank_id,
          maturesOn: contract.matures_on,
          requestedRenewal,
          requestedAmount,
          ...(portalLinkId === null ? {} : { linkId: portalLinkId }),
        },
      },
    }));
    return { case: assigned, created: true };
  }

  /**
   * The enterprise applies for its own contracts; a bank manager for those of their bank; a field officer or
   * supervisor for those of enterprises in their region. Anyone else sees no such contract.
   */
  private mayApply(applicant: RenewalApplicant, contract: ContractRow): boolean {
    if ('access' in applicant) return applicant.access.enterpriseId === contract.enterprise_id;
    const { actor } = applicant;
    if (actor.role === 'bank_manager') return actor.organizationId === contract.bank_id;
    if (actor.role === 'field_officer' || actor.role === 'supervisor')
      return canReadRegion(actor, contract.region_code);
    return false;
  }
}
