import { Injectable } from '@nestjs/common';
import type {
  CaseObligationEntity,
  CasePremise,
  CaseWriteRow,
  MovedObligationRow,
  OpenedObligationRow,
} from '@unblock/database';
import {
  CASE_STATUSES,
  DomainError,
  checkSystemTransition,
  checkTransition,
  type CaseAction,
  type CaseStatus,
  type Obligation,
  type Role,
} from '@unblock/domain';
import { OUTBOX_TYPES, QUEUE_HORIZON_MS, outboxMessage, type OutboxMessage } from '@unblock/queue';
import { randomUUID } from 'node:crypto';
import { DeadlineCalculator, type SlaPlan } from '../sla-plans/deadline-calculator';
import {
  CAPPED_BY_MATURITY,
  type CasePatch,
  type CaseState,
  type LoadedCase,
  type ObligationChanges,
  type TransitionCommand,
  type TransitionPlan,
  type UnreadContext,
} from './transition.types';

/** A supervisor's action settles every open escalation of the case. */
const SUPERVISOR_ACTIONS: ReadonlySet<CaseAction> = new Set(['reassign', 'extend', 'close']);

/** A transition's write, planned: the statement's row, with the plan's columns still named as the entity names them. */
export type PlannedWrite = Omit<CaseWriteRow, 'patch'> & { readonly set: CasePatch };

/** A plan of an SLA policy, with its stamp (null: the built-in plan). */
export interface StampedPlan {
  readonly stamp: string | null;
  readonly plan: SlaPlan;
}

/** What a transition does to the case's obligations, decided. */
interface ObligationWrites {
  readonly meet: readonly Obligation[];
  readonly meetIds: readonly string[];
  readonly cancelOpen: boolean;
  readonly moved: readonly MovedObligationRow[];
  readonly opened: readonly OpenedObligationRow[];
  readonly openLater: boolean;
  /** Their deadline and reminder messages that fall due within the queue horizon. */
  readonly messages: readonly OutboxMessage[];
}

/** The error of an action a case's status (or a race) does not allow: 409 with the status and version found. */
export function illegalTransition(action: CaseAction, state: CaseState, why?: string): DomainError {
  return DomainError.conflict(`${why ? `${why}: ` : ''}cannot ${action} a case that is ${state.status}`, undefined, {
    currentStatus: state.status,
    currentVersion: state.version,
  });
}

/**
 * The lifecycle's pure part: checks an action against the transitions table and the expected version,
 * and turns what a use case decided into the write of its case: the obligations met, cancelled, moved and
 * opened (with their deadlines and reminders on the campaign's plan), the outbox messages of those that
 * fall due within the queue horizon, the pool, the event, the escalations settled. No I/O.
 */
@Injectable()
export class TransitionPlanner {
  private readonly fromStatuses = new Map<string, readonly { status: CaseStatus; to: CaseStatus }[]>();

  constructor(private readonly deadlines: DeadlineCalculator) {}

  /** The status the command leads to from the case's, or the 403 (the role never may) or 409 it meets. */
  check(command: TransitionCommand, current: CaseState): CaseStatus {
    const check =
      command.system === true
        ? checkSystemTransition(current.status, command.action)
        : checkTransition(current.status, command.action, command.actor.role);
    if (!check.ok) {
      if (check.reason === 'forbidden') {
        throw new DomainError('forbidden', `a ${command.actor.role} may not ${command.action} a case`);
      }
      throw illegalTransition(command.action, current);
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
      throw DomainError.conflict(
        `the case changed: it is at version ${current.version}, not ${command.expectedVersion}`,
        'expectedVersion',
        { currentStatus: current.status, currentVersion: current.version },
      );
    }
    return check.to;
  }

  /** The write of a transition decided on a case as read. */
  plan(
    command: TransitionCommand,
    loaded: LoadedCase,
    to: CaseStatus,
    decided: TransitionPlan,
    now: Date,
  ): PlannedWrite {
    const { current } = loaded;
    const obligations = this.obligations(
      current.id,
      loaded.open,
      decided.obligations,
      loaded.plan,
      now,
      current.renewalDueBy ?? null,
    );
    return this.write(
      command,
      { caseId: current.id, status: current.status, version: current.version },
      to,
      decided,
      obligations,
    );
  }

  /**
   * The writes of an action on a case not read before, one for each status the actor may take it from and
   * each SLA plan it may be on; the statement writes the one that holds.
   * Null when the actor may take it from no status (the way that reads the case answers why).
   */
  planUnread(
    command: TransitionCommand,
    plans: readonly StampedPlan[],
    decide: (context: UnreadContext) => TransitionPlan,
    now: Date,
  ): PlannedWrite[] | null {
    const from = this.statusesFrom(command.action, command.actor.role);
    if (from.length === 0 || plans.length === 0) return null;
    const writes: PlannedWrite[] = [];
    const decided = decide({ now, actor: command.actor });
    if (decided.after !== undefined || (decided.pool?.length ?? 0) > 0) {
      throw new Error(`${command.action} writes more than one statement: it reads its case first`);
    }
    for (const { stamp, plan } of plans) {
      const obligations = this.obligations(command.caseId, null, decided.obligations, plan, now);
      for (const { status, to } of from) {
        const at = { caseId: command.caseId, status, version: command.expectedVersion ?? null };
        writes.push(this.write(command, at, to, decided, obligations, { slaStamp: stamp }));
      }
    }
    return writes;
  }

  /** The statuses a role may take an action from, and where each leads (the table's, kept per action and role). */
  private statusesFrom(action: CaseAction, role: Role): readonly { status: CaseStatus; to: CaseStatus }[] {
    const key = `${action}:${role}`;
    let from = this.fromStatuses.get(key);
    if (from === undefined) {
      from = CASE_STATUSES.flatMap((status) => {
        const check = checkTransition(status, action, role);
        return check.ok ? [{ status, to: check.to }] : [];
      });
      this.fromStatuses.set(key, from);
    }
    return from;
  }

  private write(
    command: TransitionCommand,
    at: { readonly caseId: string; readonly status: CaseStatus; readonly version: number | null },
    to: CaseStatus,
    decided: TransitionPlan,
    obligations: ObligationWrites,
    premise?: CasePremise,
  ): PlannedWrite {
    const supervisor = SUPERVISOR_ACTIONS.has(command.action);
    return {
      caseId: at.caseId,
      status: at.status,
      version: at.version,
      premise,
      to,
      set: decided.set ?? {},
      meet: obligations.meet,
      meetIds: obligations.meetIds,
      cancelOpen: obligations.cancelOpen,
      moved: obligations.moved,
      opened: obligations.opened,
      openLater: obligations.openLater,
      settleAll: supervisor,
      resolution: supervisor ? command.action : 'obligation_met',
      clearPool: decided.pool !== undefined,
      poolMembers: decided.pool ?? [],
      outbox: decided.outbox === undefined ? obligations.messages : [...obligations.messages, ...decided.outbox],
      event: {
        type: decided.event.type,
        // The system's transitions are nobody's.
        actorUserId: command.system === true ? null : command.actor.userId,
        data: { from: at.status, to, ...decided.event.data },
      },
    };
  }

  /**
   * What the changes do to the open obligations (`open`; null: not read, so only what needs no knowledge
   * of them): each open one is cancelled (all, by `cancelOpen`), met (by kind), moved (the one named, or
   * all by `shiftMs`) or left; new ones open, due after the plan's durations from now, each with its
   * reminder's time (none when that is already past).
   */
  private obligations(
    caseId: string,
    open: readonly CaseObligationEntity[] | null,
    changes: ObligationChanges | undefined,
    plan: SlaPlan,
    now: Date,
    dueBy: Date | null = null,
  ): ObligationWrites {
    const cancelOpen = changes?.cancelOpen === true;
    const meet = cancelOpen ? [] : [...(changes?.meet ?? [])];
    const meetIds = cancelOpen ? [] : [...(changes?.meetIds ?? [])];
    const moved: MovedObligationRow[] = [];
    const closing = new Set<Obligation>();
    if (open === null) {
      if (changes?.move !== undefined || (changes?.shiftMs ?? 0) > 0) {
        throw new Error('moving a deadline needs the open obligations: the case is read first');
      }
      for (const kind of changes?.open ?? []) if (cancelOpen || meet.includes(kind)) closing.add(kind);
    } else {
      for (const o of open) {
        if (cancelOpen || meet.includes(o.obligation) || meetIds.includes(o.id)) closing.add(o.obligation);
        else if (changes?.move?.obligation === o.obligation)
          moved.push(this.moved(o.id, changes.move.dueAt, plan, now));
        else if (changes?.shiftMs !== undefined && changes.shiftMs > 0) {
          moved.push(this.moved(o.id, new Date(o.dueAt.getTime() + changes.shiftMs), plan, now));
        }
      }
    }
    const opened: { id: string; obligation: Obligation; dueAt: Date; remindAt: Date | null }[] = (
      changes?.open ?? []
    ).map((obligation) => {
      const planned = this.deadlines.dueAt(plan, obligation, now);
      const dueAt = dueBy !== null && CAPPED_BY_MATURITY.has(obligation) && dueBy < planned ? dueBy : planned;
      return { id: randomUUID(), obligation, dueAt, remindAt: this.remindAt(plan, dueAt, now) };
    });
    const one = changes?.openOne;
    if (one !== undefined) {
      const dueAt = one.dueAt ?? this.deadlines.dueAt(plan, one.obligation, now);
      opened.push({ id: one.id, obligation: one.obligation, dueAt, remindAt: this.remindAt(plan, dueAt, now) });
    }
    const kinds = new Map<string, Obligation>([
      ...(open ?? []).map((o) => [o.id, o.obligation] as const),
      ...opened.map((o) => [o.id, o.obligation] as const),
    ]);
    const horizon = now.getTime() + QUEUE_HORIZON_MS;
    const messages = [...moved, ...opened].flatMap((o) => {
      const payload = { obligationId: o.id, obligation: kinds.get(o.id), dueAt: o.dueAt.toISOString() };
      return [
        outboxMessage(OUTBOX_TYPES.deadline, payload, o.dueAt, caseId),
        ...(o.remindAt === null ? [] : [outboxMessage(OUTBOX_TYPES.reminder, payload, o.remindAt, caseId)]),
      ].filter((m) => m.runAt.getTime() <= horizon);
    });
    return {
      meet,
      meetIds,
      cancelOpen,
      moved,
      opened,
      openLater: opened.some((o) => closing.has(o.obligation)),
      messages,
    };
  }

  private moved(id: string, dueAt: Date, plan: SlaPlan, now: Date): MovedObligationRow {
    return { id, dueAt, remindAt: this.remindAt(plan, dueAt, now) };
  }

  /** When to remind the holder of a deadline: by the plan, or never when that time is already past. */
  private remindAt(plan: SlaPlan, dueAt: Date, now: Date): Date | null {
    const at = this.deadlines.remindAt(plan, dueAt);
    return at > now ? at : null;
  }
}
