import { Gauge, type Registry } from 'prom-client';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PreparedStatements } from './prepared';

/**
 * The process's Postgres pools as gauges, read at scrape time from the pools themselves (no query): TypeORM's
 * (`typeorm`) and the hot paths' prepared statements' (`prepared`, once it is open). `waiting` counts the
 * queries queued for a connection: above zero for long, the pool is too small for the load.
 */
export function registerPoolMetrics(registry: Registry, dataSource: DataSource, prepared: PreparedStatements): void {
  const pools = (): [string, Pool][] => {
    const found: [string, Pool][] = [];
    const main = (dataSource.driver as PostgresDriver | undefined)?.master as Pool | undefined;
    if (main !== undefined) found.push(['typeorm', main]);
    const own = prepared.openPool;
    if (own !== undefined) found.push(['prepared', own]);
    return found;
  };
  const gauge = (name: string, help: string, read: (pool: Pool) => number): void => {
    registry.registerMetric(
      new Gauge({
        name,
        help,
        labelNames: ['pool'] as const,
        registers: [],
        collect() {
          this.reset();
          for (const [pool, of] of pools()) this.set({ pool }, read(of));
        },
      }),
    );
  };
  gauge('unblock_pg_pool_connections', 'Connections the Postgres pool holds, busy or idle.', (p) => p.totalCount);
  gauge('unblock_pg_pool_idle_connections', 'Idle connections of the Postgres pool.', (p) => p.idleCount);
  gauge(
    'unblock_pg_pool_waiting_queries',
    'Queries waiting for a connection of the Postgres pool.',
    (p) => p.waitingCount,
  );
}
