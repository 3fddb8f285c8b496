import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TAKE_DUE_OUTBOX, inTransaction } from '@unblock/database';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { jobIdOf } from './job-id';
import { OUTBOX_JOBS, isOutboxType, type OutboxPayload, type OutboxType } from './outbox-messages';
import { JOB_QUEUE, QUEUE_HORIZON_MS, QUEUE_NAMES, type QueueName } from './queue-contracts';

const BATCH = 500;
/** The most batches one lane of `relayOnce` takes before it answers. */
const LANE_BATCHES = 20;

interface OutboxRow {
  id: string;
  type: string;
  run_at: Date;
  payload: unknown;
}

type BulkJobs = Parameters<Queue['addBulk']>[0];

/** The job of a relayed message: its name, payload and deterministic id. */
function jobOf<T extends OutboxType>(type: T, payload: OutboxPayload<T>): BulkJobs[number] {
  const name = OUTBOX_JOBS[type];
  return { name, data: payload, opts: { jobId: jobIdOf(name, payload) } };
}

/**
 * Moves committed outbox messages onto BullMQ: unsent rows due within the horizon, taken with
 * FOR UPDATE SKIP LOCKED (several relays never take the same row), added with deterministic job ids and
 * the delay to their time, then marked sent in the same transaction. A crash between the add and the
 * commit re-adds the same ids next time, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay {
  private readonly queues: Record<QueueName, Queue | undefined>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUE_NAMES.sla) sla: Queue,
    @InjectQueue(QUEUE_NAMES.notifications) notifications: Queue,
    @InjectQueue(QUEUE_NAMES.imports) imports: Queue,
  ) {
    this.queues = { sla, notifications, imports, reports: undefined, system: undefined };
  }

  /**
   * Relays in two lanes at once, each taking batches one after another (each batch in a transaction of its
   * own; SKIP LOCKED keeps them apart) while they come back full, up to `LANE_BATCHES` each, so that one
   * lane's Postgres work overlaps the other's Redis work. Answers how many messages moved.
   */
  async relayOnce(now: Date = new Date()): Promise<number> {
    const lane = async (): Promise<number> => {
      let moved = 0;
      for (let i = 0; i < LANE_BATCHES; i += 1) {
        const n = await this.relayBatch(now);
        moved += n;
        if (n < BATCH) break;
      }
      return moved;
    };
    const [first, second] = await Promise.all([lane(), lane()]);
    return first + second;
  }

  /**
   * One batch: one statement takes the rows and marks them sent, then the jobs are added, then the
   * transaction commits. If adding fails, the transaction rolls back and the rows stay unsent.
   */
  private relayBatch(now: Date): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows = await manager.query<[OutboxRow[], number]>(TAKE_DUE_OUTBOX, [
        new Date(now.getTime() + QUEUE_HORIZON_MS),
        BATCH,
      ]);
      const taken = rows[0] ?? [];
      if (taken.length === 0) return 0;
      const byQueue = new Map<Queue, BulkJobs>();
      for (const row of taken) {
        if (!isOutboxType(row.type)) continue;
        const queue = this.queues[JOB_QUEUE[OUTBOX_JOBS[row.type]]];
        if (queue === undefined) continue;
        // The payload was written by `insertOutbox` (or a statement of the same shape) for this type.
        const job = jobOf(row.type, row.payload as OutboxPayload<typeof row.type>);
        const jobs = byQueue.get(queue) ?? [];
        jobs.push({ ...job, opts: { ...job.opts, delay: Math.max(0, row.run_at.getTime() - now.getTime()) } });
        byQueue.set(queue, jobs);
      }
      await Promise.all([...byQueue].map(([queue, jobs]) => queue.addBulk(jobs)));
      return taken.length;
    });
  }
}
