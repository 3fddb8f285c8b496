import { CaseEntity, CaseObligationEntity } from '@unblock/database';
import { DomainError, WEEKENDS_ONLY, type Actor, type CaseStatus, type Obligation } from '@unblock/domain';
import { OUTBOX_TYPES } from '@unblock/queue';
import { claimPlan } from '../cases/claim-case.use-case';
import { BUILT_IN_PLAN, DeadlineCalculator, type SlaPlan } from '../sla-plans/deadline-calculator';
import { TransitionPlanner } from './transition-planner';
import type { LoadedCase, TransitionCommand } from './transition.types';

const now = new Date('2026-06-01T02:00:00Z');
const manager: Actor = { userId: 'manager', role: 'bank_manager', organizationId: 'bank', regionCode: '410000' };
const supervisor: Actor = {
  userId: 'supervisor',
  role: 'supervisor',
  organizationId: 'regulator',
  regionCode: '410000',
};
/** Deadlines within the queue horizon: 30 seconds each, reminders 10 seconds before. */
const DRILL: SlaPlan = {
  calendar: WEEKENDS_ONLY,
  durations: {
    screening: { milliseconds: 30_000 },
    claim: { milliseconds: 30_000 },
    first_contact: { milliseconds: 30_000 },
    decision: { milliseconds: 30_000 },
    signing: { milliseconds: 30_000 },
    repair: { milliseconds: 30_000 },
  },
  remindBefore: { milliseconds: 10_000 },
  levelTwoAfter: { milliseconds: 30_000 },
};

const planner = new TransitionPlanner(new DeadlineCalculator());

function loaded(
  status: CaseStatus,
  open: readonly Obligation[],
  patch: Partial<CaseEntity> = {},
  plan: SlaPlan = BUILT_IN_PLAN,
): LoadedCase {
  const current = Object.assign(new CaseEntity(), {
    id: 'case',
    status,
    version: 4,
    assignedBankId: 'bank',
    claimedByUserId: null,
    routingTier: 1,
    ...patch,
  });
  const obligations = open.map((obligation, i) =>
    Object.assign(new CaseObligationEntity(), {
      id: `o${i}`,
      caseId: 'case',
      obligation,
      openedAt: now,
      dueAt: new Date(now.getTime() + (i + 1) * 3_600_000),
      remindAt: null,
    }),
  );
  return { current, open: obligations, plan };
}

function command(
  action: TransitionCommand['action'],
  actor: Actor,
  extra: Partial<TransitionCommand> = {},
): TransitionCommand {
  return { caseId: 'case', action, actor, ...extra };
}

describe('TransitionPlanner.check', () => {
  it('answers where an action leads by the table', () => {
    expect(planner.check(command('claim', manager), { status: 'assigned', version: 1 })).toBe('claimed');
    expect(planner.check(command('note', manager), { status: 'closed', version: 1 })).toBe('closed');
  });

  it('refuses a role the table never allows (403), a status it does not allow from (409), a stale version (409)', () => {
    const refusal = (fn: () => unknown): DomainError => {
      try {
        fn();
      } catch (error: unknown) {
        if (error instanceof DomainError) return error;
      }
      throw new Error('no domain error');
    };
    expect(refusal(() => planner.check(command('claim', supervisor), { status: 'assigned', version: 1 })).code).toBe(
      'forbidden',
    );
    const illegal = refusal(() => planner.check(command('approve', manager), { status: 'assigned', version: 2 }));
    expect(illegal.code).toBe('conflict');
    expect(illegal.extra).toEqual({ currentStatus: 'assigned', currentVersion: 2 });
    const stale = refusal(() =>
      planner.check(command('claim', manager, { expectedVersion: 1 }), { status: 'assigned', version: 2 }),
    );
    expect(stale).toMatchObject({ code: 'conflict', errors: [expect.objectContaining({ field: 'expectedVersion' })] });
  });

  it("lets the system take its own actions whatever its role's rights", () => {
    expect(
      planner.check(command('claim_timeout', supervisor, { system: true }), { status: 'assigned', version: 1 }),
    ).toBe('assigned');
  });
});

describe('TransitionPlanner.plan', () => {
  it("plans a claim: the claim met, first contact and decision opened on the campaign's plan, the event", () => {
    const write = planner.plan(
      command('claim', manager),
      loaded('assigned', ['claim']),
      'claimed',
      claimPlan({ now, actor: manager }),
      now,
    );
    expect(write).toMatchObject({
      caseId: 'case',
      status: 'assigned',
      version: 4,
      to: 'claimed',
      set: { claimedByUserId: 'manager', assignedBankId: 'bank' },
      meet: ['claim'],
      cancelOpen: false,
      moved: [],
      openLater: false,
      settleAll: false,
      resolution: 'obligation_met',
      clearPool: true,
      poolMembers: [],
      outbox: [],
      event: {
        type: 'claimed',
        actorUserId: 'manager',
        data: { from: 'assigned', to: 'claimed', bankId: 'bank' },
      },
    });
    const calculator = new DeadlineCalculator();
    expect(write.opened.map((o) => [o.obligation, o.dueAt])).toEqual([
      ['first_contact', calculator.dueAt(BUILT_IN_PLAN, 'first_contact', now)],
      ['decision', calculator.dueAt(BUILT_IN_PLAN, 'decision', now)],
    ]);
    expect(new Set(write.opened.map((o) => o.id)).size).toBe(2);
  });

  it('writes the deadline and reminder messages that fall due within the queue horizon only', () => {
    const write = planner.plan(
      command('claim', manager),
      loaded('assigned', ['claim'], {}, DRILL),
      'claimed',
      claimPlan({ now, actor: manager }),
      now,
    );
    expect(write.clearPool).toBe(true);
    expect(write.outbox.map((m) => [m.type, m.runAt.getTime() - now.getTime()])).toEqual([
      [OUTBOX_TYPES.deadline, 30_000],
      [OUTBOX_TYPES.reminder, 20_000],
      [OUTBOX_TYPES.deadline, 30_000],
      [OUTBOX_TYPES.reminder, 20_000],
    ]);
    expect(write.outbox[0]?.payload).toEqual({
      obligationId: write.opened[0]?.id,
      obligation: 'first_contact',
      dueAt: write.opened[0]?.dueAt.toISOString(),
    });
  });

  it('opens an obligation closed in the same write in a second statement (one open obligation per kind)', () => {
    const write = planner.plan(
      command('release', manager),
      loaded('claimed', ['first_contact', 'decision'], { claimedByUserId: 'manager' }),
      'assigned',
      {
        set: { claimedByUserId: null },
        obligations: { cancelOpen: true, open: ['claim'] },
        event: { type: 'released' },
      },
      now,
    );
    expect(write).toMatchObject({ cancelOpen: true, meet: [], openLater: false });
    const decline = planner.plan(
      command('decline', manager),
      loaded('assigned', ['claim']),
      'assigned',
      { pool: ['m1'], obligations: { cancelOpen: true, open: ['claim'] }, event: { type: 'declined' } },
      now,
    );
    expect(decline).toMatchObject({ cancelOpen: true, openLater: true, clearPool: true, poolMembers: ['m1'] });
  });

  it('moves one deadline (an extension) or every one (the end of a pause), each with its reminder', () => {
    const open = loaded('claimed', ['first_contact', 'decision'], {}, DRILL);
    const until = new Date(now.getTime() + 60_000);
    const extended = planner.plan(
      command('extend', supervisor),
      open,
      'claimed',
      { obligations: { move: { obligation: 'decision', dueAt: until } }, event: { type: 'deadline_extended' } },
      now,
    );
    expect(extended.moved).toEqual([{ id: 'o1', dueAt: until, remindAt: new Date(until.getTime() - 10_000) }]);
    expect(extended).toMatchObject({ settleAll: true, resolution: 'extend' });
    expect(extended.outbox.map((m) => m.type)).toEqual([OUTBOX_TYPES.deadline, OUTBOX_TYPES.reminder]);
    const resumed = planner.plan(
      command('resume', manager),
      open,
      'claimed',
      { obligations: { shiftMs: 5000 }, event: { type: 'resumed' } },
      now,
    );
    expect(resumed.moved.map((m) => [m.id, m.dueAt.getTime() - now.getTime()])).toEqual([
      ['o0', 3_605_000],
      ['o1', 7_205_000],
    ]);
  });

  it("writes the system's transitions as nobody's", () => {
    const write = planner.plan(
      command('claim_timeout', supervisor, { system: true }),
      loaded('assigned', ['claim']),
      'assigned',
      { obligations: { cancelOpen: true, open: ['claim'] }, event: { type: 'claim_deadline_missed' } },
      now,
    );
    expect(write.event.actorUserId).toBeNull();
  });
});

describe('TransitionPlanner.planUnread', () => {
  it('plans an action for each status and SLA plan it may find the case on', () => {
    const writes = planner.planUnread(
      command('claim', manager, { expectedVersion: 7 }),
      [
        { stamp: 'a', plan: BUILT_IN_PLAN },
        { stamp: null, plan: DRILL },
      ],
      claimPlan,
      now,
    );
    expect(writes?.map((w) => [w.status, w.version, w.premise?.slaStamp])).toEqual([
      ['assigned', 7, 'a'],
      ['assigned', 7, null],
    ]);
    expect(writes?.[1]?.opened.map((o) => o.dueAt.getTime() - now.getTime())).toEqual([30_000, 30_000]);
    expect(writes?.[1]?.event.data).toEqual({ from: 'assigned', to: 'claimed', bankId: 'bank' });
  });

  it('leaves to the way that reads the case an action the role may never take, or one that needs the case', () => {
    expect(planner.planUnread(command('claim', supervisor), [{ stamp: null, plan: DRILL }], claimPlan, now)).toBeNull();
    expect(() =>
      planner.planUnread(
        command('claim', manager),
        [{ stamp: null, plan: DRILL }],
        () => ({ obligations: { shiftMs: 1 }, event: { type: 'resumed' } }),
        now,
      ),
    ).toThrow(/read first/u);
  });
});
