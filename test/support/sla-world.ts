import type { INestApplicationContext } from '@nestjs/common';
import type { Clock } from '@unblock/domain';
import { buildActors, recordVisit, type Actors } from './case-fixtures';
import { deadlineHandlers, type DeadlineHandlers } from './deadlines';
import { buildWorld, type World } from './fixtures';
import { slaContext } from './sla-context';
import { TestApi } from './test-api';

/**
 * What the SLA specs share: the test API on the test's clock, the two provinces and their people, the
 * worker's SLA services (`slaContext`) with their use cases, and a Henan visit to diagnose needs from.
 */
export interface SlaWorld {
  readonly api: TestApi;
  readonly world: World;
  readonly actors: Actors;
  readonly sla: INestApplicationContext;
  readonly handlers: DeadlineHandlers;
  readonly visitId: string;
  /** Closes the SLA services, then the API (and drops its database). */
  stop(): Promise<void>;
}

export async function startSlaWorld(clock: Clock): Promise<SlaWorld> {
  const api = await TestApi.start({}, { clock });
  const world = await buildWorld(api);
  const actors = await buildActors(api, world);
  const sla = await slaContext(api, clock);
  const visitId = await recordVisit(api, actors.officer, {
    campaignId: world.provinceCampaignId,
    enterpriseId: world.henanEnterpriseId,
  });
  return {
    api,
    world,
    actors,
    sla,
    handlers: deadlineHandlers(sla),
    visitId,
    stop: async () => {
      await sla.close();
      await api.stop();
    },
  };
}
