import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import type { DeadlinePayload, FollowUpPayload, HandlerResult } from '@unblock/queue';
import { Sweeper } from '@unblock/sla';
import { randomUUID } from 'node:crypto';
import { diagnose, type Actors } from '../support/case-fixtures';
import type { DeadlineHandlers } from '../support/deadlines';
import type { World } from '../support/fixtures';
import { startSlaWorld, type SlaWorld } from '../support/sla-world';
import { TestApi } from '../support/test-api';

interface Obligation {
  id: string;
  obligation: string;
  due_at: Date;
}

/** Deadlines in batches (one transaction, set-based) against the same deadlines one job at a time. */
describe('SLA: deadlines in batches', () => {
  const start = new Date('2026-06-01T02:00:00Z');
  const clock = new ManualClock(start);
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let sla: INestApplicationContext;
  let handlers: DeadlineHandlers;
  let visitId: string;
  let slaWorld: SlaWorld;

  beforeAll(async () => {
    slaWorld = await startSlaWorld(clock);
    ({ api, world, actors, sla, handlers, visitId } = slaWorld);
  });

  afterAll(async () => {
    await slaWorld.stop();
  });

  beforeEach(() => clock.set(start));

  const post = async (token: string, caseId: string, action: string, body: object = {}): Promise<void> => {
    const answer = await api.request('POST', `/api/v1/cases/${caseId}/${action}`, { token, body });
    expect(answer.status).toBe(200);
  };
  const newCase = async (): Promise<string> => String((await diagnose(api, actors.officer, { visitId }))['id']);
  const open = (caseId: string, obligation: string): Promise<Obligation> =>
    api.dataSource
      .query<Obligation[]>(
        `SELECT id, obligation, due_at FROM case_obligations
          WHERE case_id = $1 AND obligation = $2 AND met_at IS NULL AND cancelled_at IS NULL`,
        [caseId, obligation],
      )
      .then((rows) => {
        const row = rows[0];
        if (!row) throw new Error(`no open ${obligation} obligation`);
        return row;
      });
  const jobOf = (o: Obligation): DeadlinePayload => ({ obligationId: o.id, dueAt: o.due_at.toISOString() });

  /** What a deadline may change of a case, with the case's own ids left out. */
  const stateOf = async (caseId: string): Promise<Record<string, unknown>> => {
    const [c] = await api.dataSource.query<Record<string, unknown>[]>(
      `SELECT status, routing_tier, assigned_bank_id, escalation_level, version, due_at,
              (SELECT array_agg(organization_id ORDER BY organization_id) FROM case_pool_members WHERE case_id = cases.id) AS pool
         FROM cases WHERE id = $1`,
      [caseId],
    );
    const escalations = await api.dataSource.query<unknown[]>(
      `SELECT obligation, level, status, due_at, bank_id FROM escalations WHERE case_id = $1 ORDER BY level, obligation`,
      [caseId],
    );
    const obligations = await api.dataSource.query<unknown[]>(
      `SELECT obligation, due_at, met_at, cancelled_at FROM case_obligations WHERE case_id = $1
        ORDER BY opened_at, obligation, due_at, cancelled_at NULLS LAST`,
      [caseId],
    );
    const events = await api.dataSource.query<{ type: string; data: Record<string, unknown> }[]>(
      `SELECT type, data FROM case_events WHERE case_id = $1 ORDER BY at, type`,
      [caseId],
    );
    const notifications = await api.dataSource.query<unknown[]>(
      `SELECT user_id, kind, title, data FROM notifications WHERE case_id = $1 ORDER BY user_id, title`,
      [caseId],
    );
    const outbox = await api.dataSource.query<unknown[]>(
      `SELECT type, run_at, payload - 'obligationId' AS payload FROM outbox WHERE case_id = $1 ORDER BY type, run_at`,
      [caseId],
    );
    const number = String(
      (await api.dataSource.query<{ number: string }[]>('SELECT number FROM cases WHERE id = $1', [caseId]))[0]?.number,
    );
    return JSON.parse(
      JSON.stringify({ c, escalations, obligations, events, notifications, outbox }).split(number).join('#'),
    ) as Record<string, unknown>;
  };

  /**
   * One case of each kind a deadline meets: a missed claim at the lead bank, at the deputy, in the pool;
   * a claim met; a first contact missed; a decision not due yet; a paused case; a deadline moved; an
   * obligation that is not there.
   */
  const mixed = async (): Promise<{ caseIds: string[]; jobs: DeadlinePayload[] }> => {
    const lead = await newCase();
    const deputy = await newCase();
    await post(actors.leadManager, deputy, 'decline', { reason: 'credit_risk' });
    const pool = await newCase();
    await post(actors.leadManager, pool, 'decline', { reason: 'credit_risk' });
    await post(actors.deputyManager, pool, 'decline', { reason: 'credit_risk' });
    const met = await newCase();
    const metClaim = await open(met, 'claim');
    await post(actors.leadManager, met, 'claim');
    const contact = await newCase();
    await post(actors.leadManager, contact, 'claim');
    const paused = await newCase();
    await post(actors.leadManager, paused, 'claim');
    const pausedContact = await open(paused, 'first_contact');
    await post(actors.leadManager, paused, 'pause');
    const moved = await newCase();
    const movedClaim = jobOf(await open(moved, 'claim'));
    // A supervisor gave the bank another day: the deadline's job is stale.
    await post(actors.supervisor, moved, 'extend', {
      until: new Date(Date.parse(movedClaim.dueAt) + 86_400_000).toISOString(),
    });
    return {
      caseIds: [lead, deputy, pool, met, contact, paused, moved],
      jobs: [
        jobOf(await open(lead, 'claim')),
        jobOf(await open(deputy, 'claim')),
        jobOf(await open(pool, 'claim')),
        jobOf(metClaim),
        jobOf(await open(contact, 'first_contact')),
        jobOf(await open(contact, 'decision')),
        jobOf(pausedContact),
        movedClaim,
        { obligationId: randomUUID(), dueAt: movedClaim.dueAt },
      ],
    };
  };

  const pastTheClaims = (jobs: DeadlinePayload[]): void => {
    clock.set(new Date(Math.max(...jobs.slice(0, 3).map((j) => Date.parse(j.dueAt))) + 1000));
  };

  it('gives a batch of live and stale deadlines the same results and writes as one job at a time', async () => {
    const one = await mixed();
    const batch = await mixed();
    pastTheClaims(one.jobs);
    const alone: HandlerResult[] = [];
    for (const job of one.jobs) alone.push(await handlers.deadline(job));
    const together = await handlers.deadlines(batch.jobs);

    expect(together).toEqual(alone);
    expect(together).toEqual([
      { done: 'escalated to level 1 and moved to the next tier' },
      { done: 'escalated to level 1 and moved to the next tier' },
      { done: 'pool missed its claim deadline: escalated to level 2' },
      { skipped: 'obligation met' },
      { done: 'escalated to level 1' },
      { skipped: 'not due yet' },
      { skipped: 'case paused' },
      { skipped: 'deadline moved' },
      { skipped: 'obligation not found' },
    ]);
    for (const [i, caseId] of batch.caseIds.entries()) {
      expect(await stateOf(caseId)).toEqual(await stateOf(String(one.caseIds[i])));
    }
    // A missed first contact waits for level 2; the missed claims do not.
    const levelTwo = await api.dataSource.query<{ case_id: string; payload: { obligation: string } }[]>(
      `SELECT case_id, payload FROM outbox WHERE case_id = ANY($1) AND type = 'sla.level_two'`,
      [batch.caseIds],
    );
    expect(levelTwo.map((m) => [m.case_id, m.payload.obligation])).toEqual([[batch.caseIds[4], 'first_contact']]);
    // The lead's case went to the deputy, the deputy's to the pool of the chain's members.
    const [lead, deputy] = await Promise.all(batch.caseIds.slice(0, 2).map(stateOf));
    expect(lead?.['c']).toMatchObject({ status: 'assigned', routing_tier: 2, assigned_bank_id: world.henanBank2Id });
    expect(deputy?.['c']).toMatchObject({ status: 'assigned', routing_tier: 3, assigned_bank_id: null });
    expect((deputy?.['c'] as { pool: string[] | null }).pool?.length).toBeGreaterThan(0);

    // Run again, in a batch or alone: nothing changes.
    const before = await Promise.all(batch.caseIds.map(stateOf));
    // A deadline whose level-1 escalation is there already has nothing to do.
    const again = await handlers.deadlines(batch.jobs);
    expect(again.slice(0, 3)).toEqual([
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
    ]);
    for (const job of batch.jobs) await handlers.deadline(job);
    expect(await Promise.all(batch.caseIds.map(stateOf))).toEqual(before);
  });

  it('opens one escalation and makes one hop for a job repeated in a batch and across batches', async () => {
    const caseId = await newCase();
    const pooled = await newCase();
    await post(actors.leadManager, pooled, 'decline', { reason: 'credit_risk' });
    await post(actors.deputyManager, pooled, 'decline', { reason: 'credit_risk' });
    const job = jobOf(await open(caseId, 'claim'));
    const poolJob = jobOf(await open(pooled, 'claim'));
    clock.set(new Date(Date.parse(job.dueAt) + 1000));

    expect(await handlers.deadlines([job, poolJob, job, poolJob, job])).toEqual([
      { done: 'escalated to level 1 and moved to the next tier' },
      { done: 'pool missed its claim deadline: escalated to level 2' },
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
    ]);
    expect(await handlers.deadlines([job, poolJob])).toEqual([
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
    ]);
    // The same job submitted at once many times over: one batch, or several, all the same.
    const batcher = handlers.batcher;
    const results = await Promise.all(Array.from({ length: 20 }, () => batcher.deadline(job)));
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ skipped: 'escalated already' })]),
    );

    const count = async (sql: string, id: string): Promise<number> =>
      Number((await api.dataSource.query<{ n: string }[]>(sql, [id]))[0]?.n);
    expect(await count(`SELECT count(*) AS n FROM escalations WHERE case_id = $1`, caseId)).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'claim_deadline_missed'`,
        caseId,
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'escalated'`, caseId)).toBe(
      1,
    );
    // A missed claim moves on (or goes to level 2 at once): no level-2 message waits for it.
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE case_id = $1 AND type = 'sla.level_two'`, caseId)).toBe(
      0,
    );
    expect(await count(`SELECT count(*) AS n FROM escalations WHERE case_id = $1 GROUP BY case_id`, pooled)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'escalated'`, pooled)).toBe(
      2,
    );
    const notices = await api.dataSource.query<{ title: string; n: string }[]>(
      `SELECT title, count(*) AS n FROM notifications WHERE case_id = ANY($1) GROUP BY title ORDER BY title`,
      [[caseId, pooled]],
    );
    // One copy per supervisor of each notice, whatever ran how often.
    const perNotice = new Set(notices.map((n) => n.n));
    expect(notices).toHaveLength(3);
    expect(perNotice.size).toBe(1);
  });

  it('opens the escalations first and follows them up after: the same writes as the batch in one go', async () => {
    const one = await mixed();
    const split = await mixed();
    // Its claim falls due with the others', but its job is not in the batch.
    const extra = await newCase();
    const alongside = await open(extra, 'claim');
    pastTheClaims(one.jobs);
    for (const job of one.jobs) await handlers.deadline(job);
    const escalated = await handlers.escalate(split.jobs);
    expect(escalated).toEqual([
      { done: 'escalated to level 1' },
      { done: 'escalated to level 1' },
      { done: 'escalated to level 1' },
      { skipped: 'obligation met' },
      { done: 'escalated to level 1' },
      { skipped: 'not due yet' },
      { skipped: 'case paused' },
      { skipped: 'deadline moved' },
      { skipped: 'obligation not found' },
    ]);
    // Committed: the escalations, and the level of the case whose first contact was missed. The lead bank
    // still holds its case, which takes its level when it moves on (one write of the case), and no notice yet.
    const [lead, contact] = await Promise.all([stateOf(String(split.caseIds[0])), stateOf(String(split.caseIds[4]))]);
    expect(lead?.['c']).toMatchObject({ routing_tier: 1, escalation_level: 0 });
    expect(lead?.['escalations']).toEqual([expect.objectContaining({ level: 1, status: 'open' })]);
    expect(lead?.['notifications']).toEqual([]);
    expect(contact?.['c']).toMatchObject({ escalation_level: 1 });
    const waiting = await api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM escalations WHERE case_id = ANY($1) AND followed_up_at IS NULL`,
      [split.caseIds],
    );
    expect(waiting[0]?.n).toBe(4);
    // The extra case's claim fell due a moment ago, and had no escalation: the batch escalated it alongside.
    expect((await stateOf(extra))['escalations']).toEqual([expect.objectContaining({ level: 1, status: 'open' })]);
    // The follow-up the batch queued in the same transaction.
    const [message] = await api.dataSource.query<{ payload: FollowUpPayload }[]>(
      `SELECT payload FROM outbox WHERE type = 'sla.follow_up' AND payload->'obligationIds' ? $1`,
      [split.jobs[0]?.obligationId],
    );
    const ids = message?.payload.obligationIds ?? [];
    expect(ids).toEqual(
      expect.arrayContaining([...[0, 1, 2, 4].map((i) => split.jobs[i]?.obligationId), alongside.id]),
    );
    // Any others: obligations of earlier tests' cases that fell due within the last minute without one.
    const others = await api.dataSource.query<{ due_at: Date }[]>(
      `SELECT due_at FROM case_obligations WHERE id = ANY($1) AND case_id <> ALL($2)`,
      [ids, [...split.caseIds, extra]],
    );
    const now = clock.now().getTime();
    expect(others.every((o) => o.due_at.getTime() > now - 60_000 && o.due_at.getTime() <= now)).toBe(true);
    expect(await handlers.followUp(ids)).toEqual({ done: `followed up ${ids.length}` });
    expect((await stateOf(extra))['c']).toMatchObject({ routing_tier: 2, escalation_level: 1 });
    for (const [i, caseId] of split.caseIds.entries()) {
      expect(await stateOf(caseId)).toEqual(await stateOf(String(one.caseIds[i])));
    }
    // Again, or the jobs again: nothing changes.
    const before = await Promise.all(split.caseIds.map(stateOf));
    expect(await handlers.followUp(ids)).toEqual({ skipped: 'followed up already' });
    expect((await handlers.escalate(split.jobs)).slice(0, 3)).toEqual([
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
      { skipped: 'escalated already' },
    ]);
    expect(await Promise.all(split.caseIds.map(stateOf))).toEqual(before);
  });

  it('raises the level of a missed claim that was declined before its follow-up, without moving it again', async () => {
    const caseId = await newCase();
    const job = jobOf(await open(caseId, 'claim'));
    clock.set(new Date(Date.parse(job.dueAt) + 1000));
    expect(await handlers.escalate([job])).toEqual([{ done: 'escalated to level 1' }]);
    await post(actors.leadManager, caseId, 'decline', { reason: 'credit_risk' });
    expect(await handlers.followUp([job.obligationId])).toEqual({ done: 'followed up 1' });
    const state = await stateOf(caseId);
    expect(state['c']).toMatchObject({ routing_tier: 2, assigned_bank_id: world.henanBank2Id, escalation_level: 1 });
    expect((state['events'] as { type: string }[]).map((e) => e.type)).not.toContain('claim_deadline_missed');
  });

  // Seen with 3 workers: two batches each held their own jobs' cases and waited, alongside, for the other's
  // (`deadlock detected`). A batch now takes alongside only the cases no one holds.
  it('leaves alongside a case another transaction holds, without waiting for it, to its own job', async () => {
    const mine = jobOf(await open(await newCase(), 'claim'));
    const heldCase = await newCase();
    const held = jobOf(await open(heldCase, 'claim'));
    clock.set(new Date(Math.max(Date.parse(mine.dueAt), Date.parse(held.dueAt)) + 1000));
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [heldCase]);
      // Before, this waited for the holder (and, were the holder a batch waiting for this one, deadlocked).
      const outcome = await Promise.race([
        handlers.escalate([mine]),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5000)),
      ]);
      expect(outcome).toEqual([{ done: 'escalated to level 1' }]);
      expect((await stateOf(heldCase))['escalations']).toEqual([]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await handlers.escalate([held])).toEqual([{ done: 'escalated to level 1' }]);
    expect((await stateOf(heldCase))['escalations']).toEqual([expect.objectContaining({ level: 1, status: 'open' })]);
  });

  // Found by the fault test: a sweep took a missed claim still waiting for its follow-up for an escalation
  // left open, and opened its level 2 (the case then reached level 2 before its pool missed anything).
  it('never takes a claim missed at a bank, waiting for its follow-up, to level 2', async () => {
    const caseId = await newCase();
    const job = jobOf(await open(caseId, 'claim'));
    clock.set(new Date(Date.parse(job.dueAt) + 1000));
    expect(await handlers.escalate([job])).toEqual([{ done: 'escalated to level 1' }]);
    // Its follow-up late beyond the level-2 delay (three business days).
    clock.set(new Date(Date.parse(job.dueAt) + 10 * 86_400_000));
    expect(await handlers.levelTwoJob(job)).toEqual({ skipped: 'moves to the next tier' });
    expect(await handlers.followUp([job.obligationId])).toEqual({ done: 'followed up 1' });
    const state = await stateOf(caseId);
    expect(state['c']).toMatchObject({ routing_tier: 2, assigned_bank_id: world.henanBank2Id, escalation_level: 1 });
    expect(state['escalations']).toEqual([expect.objectContaining({ obligation: 'claim', level: 1 })]);
  });

  it('follows up in the sweep an escalation whose follow-up was lost', async () => {
    const caseId = await newCase();
    const job = jobOf(await open(caseId, 'claim'));
    clock.set(new Date(Date.parse(job.dueAt) + 1000));
    expect(await handlers.escalate([job])).toEqual([{ done: 'escalated to level 1' }]);
    // Redis lost the follow-up's job (its outbox message was relayed): a sweep within the minute leaves it.
    await api.dataSource.query(`UPDATE outbox SET sent_at = now() WHERE type = 'sla.follow_up'`);
    const sweeper = sla.get(Sweeper);
    expect((await sweeper.sweep()).followedUp).toBe(0);
    clock.advance(61_000);
    expect((await sweeper.sweep()).followedUp).toBeGreaterThanOrEqual(1);
    expect((await stateOf(caseId))['c']).toMatchObject({ routing_tier: 2, assigned_bank_id: world.henanBank2Id });
  });

  it('fails only the failing job of a batch: the others run one by one', async () => {
    const first = await newCase();
    const second = await newCase();
    const jobs = [jobOf(await open(first, 'claim')), jobOf(await open(second, 'claim'))];
    clock.set(new Date(Date.parse(jobs[0]?.dueAt ?? '') + 1000));
    const bad: DeadlinePayload = { obligationId: 'not-an-id', dueAt: String(jobs[0]?.dueAt) };
    await expect(handlers.deadlines([jobs[0], bad])).rejects.toThrow();

    const batcher = handlers.batcher;
    const settled = await Promise.allSettled([
      batcher.deadline(jobs[0]),
      batcher.deadline(bad),
      batcher.deadline(jobs[1]),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(settled.filter((s) => s.status === 'fulfilled').map((s) => s.value)).toEqual([
      { done: 'escalated to level 1' },
      { done: 'escalated to level 1' },
    ]);
    // Their follow-ups move them on.
    const messages = await api.dataSource.query<{ payload: FollowUpPayload }[]>(
      `SELECT payload FROM outbox WHERE type = 'sla.follow_up' AND payload->'obligationIds' ?| $1`,
      [jobs.map((j) => j?.obligationId)],
    );
    for (const m of messages) await handlers.followUp(m.payload.obligationIds);
    const moved = await api.dataSource.query<{ routing_tier: number }[]>(
      'SELECT routing_tier FROM cases WHERE id = ANY($1)',
      [[first, second]],
    );
    expect(moved.map((c) => c.routing_tier)).toEqual([2, 2]);
  });
});
