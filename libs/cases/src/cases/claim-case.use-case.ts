import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEntity, PreparedStatements, auditRecordsInsert, hydrate, retrying } from '@unblock/database';
import { Clock, checkTransition, type Actor, type Obligation } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { caseVisibleSql } from '../access';
import { SlaPlanner } from '../sla/sla-planner';
import {
  CaseTransitions,
  levelAfterSettling,
  settledEscalations,
  type Audited,
  type TransitionContext,
  type TransitionPlan,
} from './case-transitions';
import { CaseResponse, toCaseResponse } from './case.response';

export interface ClaimCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
}

/** A claim meets the claim deadline and opens the first contact's and the decision's. */
const MEETS: Obligation = 'claim';
const OPENS: readonly Obligation[] = ['first_contact', 'decision'];

/** The claim as a transition plan: the bank manager holds the case, at their bank when it came from the pool. */
export function claimPlan({ actor, case: c }: TransitionContext): TransitionPlan {
  return {
    set: { claimedByUserId: actor.userId, assignedBankId: c.assignedBankId ?? actor.organizationId },
    pool: c.assignedBankId === null ? [] : undefined,
    obligations: { meet: [MEETS], open: OPENS },
    event: {
      type: 'claimed',
      data: { bankId: c.assignedBankId ?? actor.organizationId, fromPool: c.assignedBankId === null },
    },
  };
}

/**
 * A bank manager takes a case of their bank, or of a pool their organization belongs to (the bank then
 * holds it). Exactly one of any number of simultaneous claims wins: the conditional UPDATE on status and
 * version decides; the others answer 409.
 *
 * The claim is the busiest action of a bank manager's queue, so it is first tried as one statement that
 * reads nothing beforehand (`claimAtOnce`); whatever that statement cannot decide goes the general way of
 * every action (`CaseTransitions.apply` with `claimPlan`: read, check, plan, write), which also answers the
 * errors.
 */
@Injectable()
export class ClaimCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedStatements,
    private readonly clock: Clock,
    private readonly sla: SlaPlanner,
  ) {}

  async execute(command: ClaimCaseCommand): Promise<CaseResponse> {
    return (
      (await retrying(() => this.claimAtOnce(command))) ??
      this.transitions.apply({ ...command, action: 'claim' }, claimPlan)
    );
  }

  /**
   * The claim in one statement, writing exactly what `apply` writes with `claimPlan`. The deadlines it opens
   * depend on the case's campaign's SLA plan, which is not known before the statement reads the case: they
   * are computed beforehand on each plan used lately (most campaigns share a few), and the statement takes
   * those of the plan whose stamp it reads. Answers null, having written nothing, when the case is out of the
   * manager's sight, not claimable, at another version than expected, taken a moment ago, or its plan is not
   * among those offered.
   */
  async claimAtOnce(command: ClaimCaseCommand): Promise<CaseResponse | null> {
    const { actor, caseId } = command;
    const check = checkTransition('assigned', 'claim', actor.role);
    const plans = this.sla.recentPlans();
    if (!check.ok || plans.length === 0) return null;
    const now = this.clock.now();
    const offered = plans.map(({ stamp, plan }) => {
      const { obligations, messages } = this.transitions.openings(caseId, OPENS, plan, now);
      return {
        stamp,
        due_at: new Date(Math.min(...obligations.map((o) => o.dueAt.getTime()))).toISOString(),
        obligations: obligations.map((o) => ({
          id: o.id,
          obligation: o.obligation,
          due_at: o.dueAt.toISOString(),
          remind_at: o.remindAt?.toISOString() ?? null,
        })),
        messages: messages.map((m) => ({ type: m.type, run_at: m.runAt.toISOString(), payload: m.payload })),
      };
    });
    const params: unknown[] = [];
    const $ = (value: unknown): string => `$${params.push(value)}`;
    const id = `${$(caseId)}::uuid`;
    const at = `${$(now)}::timestamptz`;
    const user = `${$(actor.userId)}::uuid`;
    const meets = `${$(MEETS)}::text`;
    const version = `${$(command.expectedVersion ?? null)}::int`;
    const open = 'o.met_at IS NULL AND o.cancelled_at IS NULL';
    // Meeting the claim deadline settles the claim's escalations, as `apply` does when one was open. The
    // case is read once (MATERIALIZED): inlined, its plan's stamp would be read for the answer and again for the join.
    const ctes = [
      `cur AS MATERIALIZED (SELECT c.id, c.status, c.version, c.assigned_bank_id,
                      EXISTS (SELECT 1 FROM case_obligations o WHERE o.case_id = c.id AND o.obligation = ${meets} AND ${open})
                        AS meets,
                      (SELECT min(o.due_at) FROM case_obligations o
                        WHERE o.case_id = c.id AND o.obligation <> ${meets} AND ${open}) AS others_due,
                      (SELECT stamp FROM (${this.sla.stampQuery('c.campaign_id')}) AS plan) AS sla_stamp
                 FROM cases c
                WHERE c.id = ${id} AND c.status = 'assigned'
                  AND (${version} IS NULL OR c.version = ${version})
                  AND ${caseVisibleSql(actor, params)})`,
      `pick AS (SELECT cur.*, k.due_at, k.obligations, k.messages
                  FROM cur JOIN jsonb_to_recordset(${$(JSON.stringify(offered))}::jsonb)
                                AS k(stamp text, due_at timestamptz, obligations jsonb, messages jsonb)
                    ON k.stamp IS NOT DISTINCT FROM cur.sla_stamp)`,
      `upd AS (UPDATE cases SET status = ${$(check.to)}, claimed_by_user_id = ${user},
                      assigned_bank_id = COALESCE(pick.assigned_bank_id, ${$(actor.organizationId)}::uuid),
                      due_at = LEAST(pick.due_at, pick.others_due), version = cases.version + 1, updated_at = now(),
                      escalation_level = CASE WHEN pick.meets
                        THEN ${levelAfterSettling(`e.obligation = ${meets}`)} ELSE escalation_level END
                 FROM pick
                WHERE cases.id = pick.id AND cases.version = pick.version AND cases.status = pick.status
                RETURNING cases.*)`,
      `met AS (UPDATE case_obligations o SET met_at = ${at}, updated_at = now()
                WHERE o.case_id = ${id} AND o.obligation = ${meets} AND ${open} AND EXISTS (SELECT 1 FROM upd))`,
      `fresh AS (INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
                  SELECT f.id, upd.id, f.obligation, ${at}, f.due_at, f.remind_at
                    FROM upd, pick, jsonb_to_recordset(pick.obligations)
                         AS f(id uuid, obligation text, due_at timestamptz, remind_at timestamptz))`,
      // From the pool: its members may claim it no longer.
      `pool AS (DELETE FROM case_pool_members
                 WHERE case_id = ${id} AND EXISTS (SELECT 1 FROM upd, pick WHERE pick.assigned_bank_id IS NULL))`,
      `outbox AS (INSERT INTO outbox (type, case_id, run_at, payload)
                   SELECT m.type, upd.id, m.run_at, m.payload
                     FROM upd, pick, jsonb_to_recordset(pick.messages) AS m(type text, run_at timestamptz, payload jsonb))`,
      settledEscalations(
        id,
        at,
        `${$('obligation_met')}::text`,
        `e.obligation = ${meets} AND EXISTS (SELECT 1 FROM pick WHERE pick.meets)`,
      ),
      `event AS (INSERT INTO case_events (case_id, type, actor_user_id, at, data)
                  SELECT upd.id, 'claimed', ${user}, ${at},
                         jsonb_build_object('from', pick.status, 'to', upd.status, 'bankId', upd.assigned_bank_id,
                                            'fromPool', pick.assigned_bank_id IS NULL)
                    FROM upd, pick)`,
    ];
    if (command.audit !== undefined) ctes.push(`audited AS (${auditRecordsInsert(command.audit, 'upd', 200, $)})`);
    const rows = await this.prepared.query<Record<string, unknown>>(
      `WITH ${ctes.join(',\n')} SELECT * FROM upd`,
      params,
    );
    const row = rows[0];
    return row === undefined ? null : toCaseResponse(hydrate(this.dataSource, CaseEntity, row));
  }
}
