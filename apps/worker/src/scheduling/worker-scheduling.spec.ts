import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import type { DeadlineJob } from '../jobs/deadline.job';
import { WorkerScheduling } from './worker-scheduling';

/** Each batch of escalations takes this long (on the fake clock). */
const BATCH_MS = 300;

function job(n: number): DeadlinePayload {
  return { obligationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, dueAt: new Date(0).toISOString() };
}

/** The batcher's own scheduling, on jest's fake clock: the escalations themselves only take time. */
describe('WorkerScheduling.calm', () => {
  let batcher: WorkerScheduling;
  let resolved: number | null;
  const started = (): void => {
    resolved = null;
  };
  const track = (promise: Promise<void>): void => {
    void promise.then(() => {
      resolved = Date.now();
    });
  };

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    const deadlines = {
      handleMany: async (jobs: readonly DeadlinePayload[]) => {
        await new Promise((resolve) => setTimeout(resolve, BATCH_MS));
        return jobs.map((): PromiseSettledResult<HandlerResult> => ({ status: 'fulfilled', value: { done: 'ok' } }));
      },
    } as unknown as DeadlineJob;
    batcher = new WorkerScheduling(deadlines);
    started();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('resolves at once when no deadline came for longer than asked', async () => {
    track(batcher.calm(1000, 30_000));
    await jest.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(1_000_000);
  });

  it('waits until no deadline has waited or run for the time asked', async () => {
    const done = batcher.deadline(job(1));
    track(batcher.calm(1000, 30_000));
    // The batch gathers for 5 ms, runs 300 ms; calm a second after it finished.
    await jest.advanceTimersByTimeAsync(1000);
    expect(resolved).toBeNull();
    await expect(done).resolves.toEqual({ done: 'ok' });
    await jest.advanceTimersByTimeAsync(400);
    expect(resolved).not.toBeNull();
    expect(resolved).toBeGreaterThanOrEqual(1_000_000 + 5 + BATCH_MS + 1000);
    expect(resolved).toBeLessThanOrEqual(1_000_000 + 5 + BATCH_MS + 1000 + 100);
  });

  it('gives up waiting after the most time allowed, in a storm that never calms', async () => {
    void batcher.deadline(job(0));
    track(batcher.calm(1000, 5000));
    for (let t = 200; t < 8000; t += 200) {
      await jest.advanceTimersByTimeAsync(200);
      void batcher.deadline(job(t));
    }
    expect(resolved).toBe(1_000_000 + 5000);
  });

  it('stops waiting when told to', async () => {
    let stop = false;
    void batcher.deadline(job(1));
    track(batcher.calm(1000, 30_000, () => stop));
    await jest.advanceTimersByTimeAsync(150);
    stop = true;
    await jest.advanceTimersByTimeAsync(100);
    expect(resolved).not.toBeNull();
    expect(resolved).toBeLessThanOrEqual(1_000_000 + 250);
  });
});
