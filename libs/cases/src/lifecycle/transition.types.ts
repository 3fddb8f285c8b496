import type { AuditStamp, CaseEntity, CaseObligationEntity } from '@unblock/database';
import type { Actor, CaseAction, CaseStatus, Obligation } from '@unblock/domain';
import type { OutboxMessage } from '@unblock/queue';
import type { EntityManager } from 'typeorm';
import type { SlaPlan } from '../sla-plans/deadline-calculator';

/** The columns a transition may change besides status, version and due date. */
export type CasePatch = Partial<
  Pick<
    CaseEntity,
    | 'routingTier'
    | 'assignedBankId'
    | 'claimedByUserId'
    | 'intentionAmount'
    | 'signedAmount'
    | 'declinedOrgIds'
    | 'pausedAt'
    | 'closedAt'
    | 'resolution'
    | 'escalationLevel'
  >
>;

export interface ObligationChanges {
  /** Cancel every open obligation (a decline, a reassignment, a close). */
  readonly cancelOpen?: boolean;
  /** Meet the open obligations of these kinds (settling their escalations). */
  readonly meet?: readonly Obligation[];
  /** Meet these open obligations by id (one repair task of several), settling their escalations. */
  readonly meetIds?: readonly string[];
  /** Open these, due after the campaign's SLA durations from now. */
  readonly open?: readonly Obligation[];
  /**
   * Open one obligation of a given id (a repair task's clock), due at `dueAt` or, without it, after the
   * campaign's SLA duration from now.
   */
  readonly openOne?: { readonly id: string; readonly obligation: Obligation; readonly dueAt?: Date | undefined };
  /** Move one open obligation's deadline (a supervisor's extension). */
  readonly move?: { readonly obligation: Obligation; readonly dueAt: Date };
  /** Push every open deadline later by this many milliseconds (the end of a pause). */
  readonly shiftMs?: number;
}

/** What a use case decides a transition does, given the case (`TransitionContext`). */
export interface TransitionPlan {
  readonly event: { readonly type: string; readonly data?: Record<string, unknown> };
  readonly set?: CasePatch;
  readonly obligations?: ObligationChanges;
  /** Replace the organizations that may claim the case from the pool ([]: none). */
  readonly pool?: readonly string[];
  /** Messages to relay after commit, besides the deadlines and reminders of the obligations opened or moved. */
  readonly outbox?: readonly OutboxMessage[];
  /** Further writes in the same transaction, after the case is updated. */
  readonly after?: (manager: EntityManager, updated: CaseEntity) => Promise<void>;
}

export interface TransitionContext {
  readonly manager: EntityManager;
  readonly now: Date;
  readonly actor: Actor;
  readonly case: CaseEntity;
  /** The case's open obligations. */
  readonly open: readonly CaseObligationEntity[];
}

/** What an action taken without reading its case knows: who acts, and when. */
export interface UnreadContext {
  readonly now: Date;
  readonly actor: Actor;
}

/** A case action given an audit stamp writes its audit record in the statement that writes the case. */
export interface Audited {
  /** Given, the transition's audit record is written by the statement that writes the case (status 200). */
  readonly audit?: AuditStamp | undefined;
}

export interface TransitionCommand extends Audited {
  readonly caseId: string;
  readonly action: CaseAction;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  /** The system acts (the router, the SLA clock): no role check, every case visible. */
  readonly system?: boolean;
}

/** The actor of the system's own transitions. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  organizationId: null,
  regionCode: null,
};

/** A case as a transition reads it: the row, its open obligations, its campaign's SLA plan. */
export interface LoadedCase {
  readonly current: CaseEntity;
  readonly open: readonly CaseObligationEntity[];
  readonly plan: SlaPlan;
}

/** The obligations a renewal's loan maturity caps (`CaseEntity.renewalDueBy`): it is due no later. */
export const CAPPED_BY_MATURITY: ReadonlySet<Obligation> = new Set(['decision', 'signing']);

/** The current status and version of a case, for the answer to a transition that lost a race. */
export interface CaseState {
  readonly status: CaseStatus;
  readonly version: number;
}
