import type { Queue } from 'bullmq';

/** How long a shutdown waits at most for a queue's connection to finish connecting. */
const SETTLE_MS = 2000;

/**
 * Waits (a little, at most) for a queue's connection to finish connecting, so that closing it quits cleanly:
 * BullMQ closes a connection still connecting by dropping it, and its connecting then fails as an `error`
 * event on a connection that no longer has listeners, which throws out of the process.
 */
export async function settleBeforeClose(queue: Queue): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SETTLE_MS);
  });
  await Promise.race([queue.waitUntilReady().then(() => undefined), late]).catch(() => undefined);
  clearTimeout(timer);
}
