import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import type { Clock } from '@unblock/domain';
import { OutboxRelay, QueueModule } from '@unblock/queue';
import { SlaWorkModule } from '@unblock/sla';
import type { TestApi } from './test-api';

/**
 * The worker's SLA services (relay, deadlines' use cases, sweeper, digest, webhooks) on the test API's database and
 * Redis prefix, without the BullMQ workers: the tests call the handlers themselves, on the test's clock.
 */
export async function slaContext(api: TestApi, clock: Clock): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(api.config, clock),
      DatabaseModule.forRoot('unblock-test-sla'),
      QueueModule.forRoot(),
      SlaWorkModule,
    ],
    providers: [OutboxRelay],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}
