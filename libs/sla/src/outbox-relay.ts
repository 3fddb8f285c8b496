import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@unblock/database';
import {
  JOB_QUEUE,
  OUTBOX_JOBS,
  QUEUE_HORIZON_MS,
  QUEUE_NAMES,
  jobId,
  type JobName,
  type QueueName,
} from '@unblock/queue';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const BATCH = 500;
/** The most batches one lane of `relayOnce` takes before it answers. */
const LANE_BATCHES = 20;

interface OutboxRow {
  id: string;
  type: string;
  run_at: Date;
  payload: Record<string, unknown>;
}

/** The deterministic job id of an outbox message: the same deadline is always the same job. */
export function jobIdFor(name: JobName, payload: Record<string, unknown>, rowId: string): string {
  if (name === 'webhook') return jobId(name, String(payload['deliveryId']));
  if (name === 'import-run') return jobId(name, String(payload['importId']), Number(payload['run']));
  if (name === 'deadline' || name === 'reminder' || name === 'level-two') {
    return jobId(name, String(payload['obligationId']), Date.parse(String(payload['dueAt'])));
  }
  return jobId(name, rowId);
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
   * own; SKIP LOCKED keeps them apart) while they come back full, up to `LANE_BATCHES` each: one lane's
   * Postgres work overlaps the other's Redis work, and neither waits for the other between batches.
   * Answers how many messages moved.
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
      const rows = await manager.query<[OutboxRow[], number]>(
        `UPDATE outbox SET sent_at = now()
          WHERE id IN (SELECT id FROM outbox
                        WHERE sent_at IS NULL AND run_at <= $1
                        ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, type, run_at, payload`,
        [new Date(now.getTime() + QUEUE_HORIZON_MS), BATCH],
      );
      const taken = rows[0] ?? [];
      if (taken.length === 0) return 0;
      const byQueue = new Map<Queue, Parameters<Queue['addBulk']>[0]>();
      for (const row of taken) {
        const name = OUTBOX_JOBS[row.type];
        const queue = name === undefined ? undefined : this.queues[JOB_QUEUE[name]];
        if (name === undefined || queue === undefined) continue;
        const jobs = byQueue.get(queue) ?? [];
        jobs.push({
          name,
          data: row.payload,
          opts: {
            jobId: jobIdFor(name, row.payload, row.id),
            delay: Math.max(0, row.run_at.getTime() - now.getTime()),
          },
        });
        byQueue.set(queue, jobs);
      }
      await Promise.all([...byQueue].map(([queue, jobs]) => queue.addBulk(jobs)));
      return taken.length;
    });
  }
}
