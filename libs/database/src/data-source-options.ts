import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One definition of the database for the apps, the migration CLI and the tests. Never synchronizes. */
export function dataSourceOptions(url: string, poolSize = 10, applicationName = 'unblock'): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'migration'],
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
