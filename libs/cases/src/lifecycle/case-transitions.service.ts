import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction, retrying, type CaseEntity } from '@unblock/database';
import { Clock, DomainError, type Actor, type CaseStatus } from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { toCaseResponse, type CaseResponse } from '../cases/case.response';
import { SlaPlans } from '../sla-plans/sla-plans.service';
import { CaseRepository } from './case.repository';
import { TransitionPlanner, illegalTransition, type PlannedWrite } from './transition-planner';
import {
  SYSTEM_ACTOR,
  type CaseState,
  type LoadedCase,
  type TransitionCommand,
  type TransitionContext,
  type TransitionPlan,
  type UnreadContext,
} from './transition.types';

type Decide = (context: TransitionContext) => TransitionPlan | Promise<TransitionPlan>;

/** Somebody else's transition committed between the read and the write (a claim race lost, say). */
const RACE_LOST = 'the case changed a moment ago';

/**
 * Applies lifecycle actions, per STYLE.md: load → check (transitions table, version) → plan → one
 * conditional write of the case with its obligations, pool, outbox messages and event, all atomic
 * (`CaseRepository.write`). An illegal action or a stale version answers 409 with the current status.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly planner: TransitionPlanner,
    private readonly repository: CaseRepository,
    private readonly plans: SlaPlans,
  ) {}

  /**
   * One action, outside any transaction: the case read, then written in one statement (its conditional
   * UPDATE on status and version makes the read before it safe), or in a transaction when the plan writes
   * more. Run again when Postgres asks for a retry.
   */
  apply(command: TransitionCommand, decide: Decide): Promise<CaseResponse> {
    return retrying(() => this.run(this.dataSource.manager, false, command, decide));
  }

  /** One action in the caller's transaction. */
  applyIn(manager: EntityManager, command: TransitionCommand, decide: Decide): Promise<CaseResponse> {
    return this.run(manager, true, command, decide);
  }

  /**
   * One action in a single round trip, without reading the case first: planned beforehand for each status
   * it may be taken from and each SLA plan used lately (it must not depend on the case otherwise); one statement
   * reads the case (as the actor sees it) and writes the plan that fits. When none fits (out of sight, not
   * in such a status, another version, another plan), the action goes the way that reads the case first,
   * which answers the error or plans on the case's own plan.
   */
  async applyAtOnce(
    command: TransitionCommand,
    decide: (context: UnreadContext) => TransitionPlan,
  ): Promise<CaseResponse> {
    const now = this.clock.now();
    const writes = this.planner.planUnread(command, this.plans.recentPlans(), decide, now);
    if (writes !== null) {
      const written = await retrying(() => this.repository.writeUnread(writes, command.actor, now, command.audit));
      if (written !== null) return toCaseResponse(written);
    }
    return this.apply(command, (context) => decide({ now: context.now, actor: context.actor }));
  }

  /**
   * The system's transitions of many cases in the caller's transaction, set-based: the cases read in one
   * statement, each planned by `decide` (given every context at once, so it can read what it needs for
   * all of them together), then written in one statement (two when obligations are opened again or pools
   * refilled). Answers, in the commands' order, each case as updated or the error its transition met (not
   * found, an illegal action, a stale version) without writing it. Plans that write more (`after`) go one
   * by one through `applyIn`.
   */
  async applyManyIn(
    manager: EntityManager,
    commands: readonly TransitionCommand[],
    decide: (contexts: readonly TransitionContext[]) => Promise<readonly TransitionPlan[]>,
  ): Promise<(CaseEntity | DomainError)[]> {
    if (commands.some((c) => c.system !== true)) throw new Error("a batch of transitions is the system's");
    if (new Set(commands.map((c) => c.caseId)).size !== commands.length) {
      throw new Error('a batch of transitions names each case once');
    }
    const now = this.clock.now();
    const loaded = await this.repository.load(
      manager,
      commands.map((c) => c.caseId),
      SYSTEM_ACTOR,
    );
    const results: (CaseEntity | DomainError)[] = [];
    const accepted: { index: number; command: TransitionCommand; loaded: LoadedCase; to: CaseStatus }[] = [];
    commands.forEach((command, index) => {
      const found = loaded.get(command.caseId);
      try {
        if (!found) throw DomainError.notFound('case');
        accepted.push({ index, command, loaded: found, to: this.planner.check(command, found.current) });
      } catch (error: unknown) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = error;
      }
    });
    const decided = await decide(
      accepted.map(({ command, loaded: l }) => ({ manager, now, actor: command.actor, case: l.current, open: l.open })),
    );
    const writes: PlannedWrite[] = accepted.map((a, i) => {
      const plan = decided[i];
      if (plan === undefined) throw new Error('a batch plan answers one plan per context');
      if (plan.after !== undefined) throw new Error(`${a.command.action} writes more: it runs alone`);
      return this.planner.plan(a.command, a.loaded, a.to, plan, now);
    });
    const updated = await this.repository.write(manager, writes, now);
    const missing = accepted.filter((a) => !updated.has(a.command.caseId)).map((a) => a.command.caseId);
    const states = missing.length === 0 ? new Map<string, CaseState>() : await this.repository.states(manager, missing);
    for (const a of accepted) {
      const row = updated.get(a.command.caseId);
      const state = states.get(a.command.caseId);
      results[a.index] =
        row ?? (state ? illegalTransition(a.command.action, state, RACE_LOST) : DomainError.notFound('case'));
    }
    return results;
  }

  private async run(
    manager: EntityManager,
    transactional: boolean,
    command: TransitionCommand,
    decide: Decide,
  ): Promise<CaseResponse> {
    const now = this.clock.now();
    const loaded = (await this.repository.load(manager, [command.caseId], this.viewer(command))).get(command.caseId);
    if (!loaded) throw DomainError.notFound('case');
    const to = this.planner.check(command, loaded.current);
    const { current, open } = loaded;
    const decided = await decide({ manager, now, actor: command.actor, case: current, open });
    const write = this.planner.plan(command, loaded, to, decided, now);
    const finish = async (m: EntityManager): Promise<CaseEntity> => {
      const updated = (await this.repository.write(m, [write], now, command.audit)).get(current.id);
      if (updated === undefined) {
        const state = (await this.repository.states(m, [current.id])).get(current.id);
        throw state ? illegalTransition(command.action, state, RACE_LOST) : DomainError.notFound('case');
      }
      if (decided.after) await decided.after(m, updated);
      return updated;
    };
    const single = !this.repository.takesTwoStatements([write]) && decided.after === undefined;
    // A transaction of its own is tried once: `apply` retries the whole action.
    const updated = transactional || single ? await finish(manager) : await inTransaction(this.dataSource, finish, 1);
    return toCaseResponse(updated);
  }

  /** Whom the command reads the case as: the system sees every case. */
  private viewer(command: TransitionCommand): Actor {
    return command.system === true ? SYSTEM_ACTOR : command.actor;
  }
}
