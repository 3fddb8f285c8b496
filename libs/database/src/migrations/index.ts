import type { MigrationInterface } from 'typeorm';
import { Initial1795308615682 } from './1795308615682-Initial';

/** Every migration, in order. `npm run migration:generate` writes a file here; add its class below. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795308615682];
