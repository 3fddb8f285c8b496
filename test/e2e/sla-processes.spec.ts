import { eventually, Stack } from '../support/stack';
import { buildStackWorld, newCase, type StackWorld } from '../support/stack-world';

interface CaseView {
  routingTier: number;
  assignedBankId: string;
  escalationLevel: number;
  timeline: { type: string }[];
}

/** The real API and worker processes, on a seconds-scale SLA policy. */
describe('deadlines end to end (API and worker processes)', () => {
  let stack: Stack;
  let world: StackWorld;

  beforeAll(async () => {
    stack = await Stack.create();
    await Promise.all([stack.startApi(), stack.startWorker()]);
    world = await buildStackWorld(stack, {
      claim: 'PT3S',
      firstContact: 'PT4S',
      decision: 'PT1H',
      signing: 'PT1H',
      remindBefore: 'PT2S',
      levelTwoAfter: 'PT3S',
    });
  }, 120_000);

  afterAll(async () => {
    await stack.stop();
  });

  it('escalates an unclaimed case, reminds its bank first, and moves it to the deputy lead bank', async () => {
    const id = await newCase(stack, world);
    const moved = await eventually(
      async () => {
        const view = await stack.http<CaseView>('GET', `/cases/${id}`, world.supervisor);
        return view.body.routingTier === 2 ? view.body : undefined;
      },
      20_000,
      'the case to move to tier 2',
    );
    expect(moved.assignedBankId).toBe(world.deputyBankId);
    expect(moved.escalationLevel).toBeGreaterThanOrEqual(1);
    expect(moved.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['escalated', 'claim_deadline_missed']));
    const queue = await stack.http<{ items: { caseId: string; level: number }[] }>(
      'GET',
      '/escalations',
      world.supervisor,
    );
    expect(queue.body.items.filter((e) => e.caseId === id && e.level === 1)).toHaveLength(1);
    const reminders = await stack.http<{ items: { caseId: string; kind: string }[] }>(
      'GET',
      '/me/notifications?kind=reminder',
      world.leadManager,
    );
    expect(reminders.body.items.some((n) => n.caseId === id)).toBe(true);
  }, 60_000);

  it('never escalates a claimed case that is contacted in time', async () => {
    const id = await newCase(stack, world);
    expect((await stack.http('POST', `/cases/${id}/claim`, world.leadManager, {})).status).toBe(200);
    expect((await stack.http('POST', `/cases/${id}/milestones`, world.leadManager, { type: 'contacted' })).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    const view = await stack.http<CaseView>('GET', `/cases/${id}`, world.supervisor);
    expect(view.body.escalationLevel).toBe(0);
    expect(view.body.timeline.map((e) => e.type)).not.toContain('escalated');
  }, 60_000);

  it('never escalates a paused case', async () => {
    const id = await newCase(stack, world);
    await stack.http('POST', `/cases/${id}/claim`, world.leadManager, {});
    expect((await stack.http('POST', `/cases/${id}/pause`, world.leadManager, {})).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    const view = await stack.http<CaseView>('GET', `/cases/${id}`, world.supervisor);
    expect(view.body.escalationLevel).toBe(0);
    expect(view.body.timeline.map((e) => e.type)).not.toContain('escalated');
  }, 60_000);
});
