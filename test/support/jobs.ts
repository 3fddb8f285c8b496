import type { Job, Queue } from 'bullmq';

/**
 * Waits for a job to finish by polling its state. (QueueEvents misses a completion that happens before
 * its first blocking read, which a fast worker makes likely.)
 */
export async function waitForJob<R>(queue: Queue, id: string, timeoutMs = 20_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job: Job | undefined = await queue.getJob(id);
    const state = job ? await job.getState() : 'missing';
    if (state === 'completed') {
      // Read again: the job loaded above may predate its completion.
      const finished = await queue.getJob(id);
      return finished?.returnvalue as R;
    }
    if (state === 'failed' && job) throw new Error(`job ${id} failed: ${job.failedReason}`);
    if (Date.now() > deadline) throw new Error(`job ${id} still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
