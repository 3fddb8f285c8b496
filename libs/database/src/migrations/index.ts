import type { MigrationInterface } from 'typeorm';
import { Initial1795308615682 } from './1795308615682-Initial';
import { CaseLifecycle1795310156611 } from './1795310156611-CaseLifecycle';
import { SlaAndNotifications1795310712103 } from './1795310712103-SlaAndNotifications';
import { IdempotencyKeys1795312023317 } from './1795312023317-IdempotencyKeys';
import { ReportRollups1795317000000 } from './1795317000000-ReportRollups';
import { Imports1795315803135 } from './1795315803135-Imports';

/** Every migration, in order. `npm run migration:generate` writes a file here; add its class below. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795308615682,
  CaseLifecycle1795310156611,
  SlaAndNotifications1795310712103,
  IdempotencyKeys1795312023317,
  ReportRollups1795317000000,
  Imports1795315803135,
];
