import type { INestApplicationContext } from '@nestjs/common';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import {
  EscalateDeadlinesUseCase,
  FollowUpEscalationsUseCase,
  OpenLevelTwoUseCase,
  SendReminderUseCase,
  type EscalateOptions,
} from '@unblock/sla';
import { DeadlineJob } from '../../apps/worker/src/jobs/deadline.job';
import { WorkerScheduling } from '../../apps/worker/src/scheduling/worker-scheduling';

/** The SLA's use cases as a test drives them, on the context of `slaContext`. */
export interface DeadlineHandlers {
  /**
   * Deadlines the one way: their escalations in one batch (nothing alongside), then at once their
   * follow-up. A job repeated runs after the first, as a job the queue hands out again would. Answers, per
   * job, the escalation's skip or what the follow-up did with it (escalated, moved on, a pool's level 2).
   */
  deadlines(jobs: readonly DeadlinePayload[]): Promise<HandlerResult[]>;
  /** `deadlines` of one job. */
  deadline(job: DeadlinePayload): Promise<HandlerResult>;
  /** The first half alone (`EscalateDeadlinesUseCase`). */
  escalate(jobs: readonly DeadlinePayload[], options?: EscalateOptions): Promise<HandlerResult[]>;
  /** The second half alone (`FollowUpEscalationsUseCase`). */
  followUp(obligationIds: readonly string[]): Promise<HandlerResult>;
  levelTwoJob(job: DeadlinePayload): Promise<HandlerResult>;
  reminder(job: DeadlinePayload): Promise<HandlerResult>;
  /** The worker's scheduling of deadline jobs: in batches. */
  batcher: WorkerScheduling;
}

export function deadlineHandlers(sla: INestApplicationContext): DeadlineHandlers {
  const escalate = sla.get(EscalateDeadlinesUseCase);
  const followUp = sla.get(FollowUpEscalationsUseCase);
  const levelTwo = sla.get(OpenLevelTwoUseCase);
  const remind = sla.get(SendReminderUseCase);
  const deadlines = async (jobs: readonly DeadlinePayload[]): Promise<HandlerResult[]> => {
    const results: HandlerResult[] = [];
    let pending = jobs.map((job, index) => ({ job, index }));
    while (pending.length > 0) {
      const seen = new Set<string>();
      const round = pending.filter((p) => !seen.has(p.job.obligationId) && seen.add(p.job.obligationId));
      pending = pending.filter((p) => !round.includes(p));
      const escalated = await escalate.execute(
        round.map((p) => p.job),
        { alongside: false },
      );
      const done = round.filter((_, i) => {
        const result = escalated[i];
        return result !== undefined && 'done' in result;
      });
      const { outcomes } = await followUp.followUp(done.map((p) => p.job.obligationId));
      round.forEach((p, i) => {
        const result = escalated[i] ?? { skipped: 'no result' };
        results[p.index] = ('done' in result && outcomes.get(p.job.obligationId)) || result;
      });
    }
    return results;
  };
  return {
    deadlines,
    deadline: async (job) => (await deadlines([job]))[0] ?? { skipped: 'no result' },
    escalate: (jobs, options) => escalate.execute(jobs, options),
    followUp: (obligationIds) => followUp.execute(obligationIds),
    levelTwoJob: (job) => levelTwo.execute(job),
    reminder: (job) => remind.execute(job),
    batcher: new WorkerScheduling(new DeadlineJob(escalate)),
  };
}
