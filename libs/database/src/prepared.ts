import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Pool, type PoolConfig, type QueryConfig } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Postgres refuses a prepared statement whose result columns changed since it was prepared (a migration
 * added a column to a table it returns `*` of): SQLSTATE 0A000 with this message.
 */
const RESULT_TYPE_CHANGED = /cached plan must not change result type/u;

function resultTypeChanged(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && RESULT_TYPE_CHANGED.test(e.message);
}

/**
 * The hot paths' single statements (each its own transaction: a visit, a case's read and write, audit
 * records) as named prepared statements: each connection parses and plans one once, then only binds and
 * executes it.
 *
 * They run on a pool of their own (as large as the data source's), whose sessions always use the generic
 * plan (`plan_cache_mode = force_generic_plan`): these statements find rows by key and write them, so one
 * plan fits every value. The other queries, whose best plan depends on their values (reports, filtered
 * lists), keep TypeORM's unnamed statements, planned for their values every time.
 *
 * For fixed statement texts only (a statement is named by its text's hash): a text built per call would
 * fill every connection with statements used once. Not for a transaction's statements. Errors are
 * TypeORM's `QueryFailedError`, as `DataSource.query` gives. A statement Postgres refuses because a
 * table's columns changed under it (a migration while the app runs) is prepared afresh under a new name.
 */
@Injectable()
export class PreparedStatements implements OnApplicationShutdown {
  /** Each statement's current name; a statement refused as above is renamed, so it is prepared afresh. */
  private readonly names = new Map<string, string>();
  private renamed = 0;
  private own: Pool | undefined;
  private readonly logger = new Logger('PreparedStatements');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pool the statements run on (made at first use, with the data source's connection settings). */
  pool(): Pool {
    if (this.own === undefined) {
      const main = (this.dataSource.driver as PostgresDriver).master as Pool & { options: PoolConfig };
      this.own = new Pool({
        ...main.options,
        options: '-c plan_cache_mode=force_generic_plan',
        application_name: `${main.options.application_name ?? 'unblock'}-prepared`,
      });
      // An idle connection's error (Postgres restarted) must not end the process; the next query reconnects.
      this.own.on('error', (error) => this.logger.warn({ err: error }, 'an idle prepared-statement connection failed'));
    }
    return this.own;
  }

  /** The pool, if it is open (for its gauges; `pool()` opens it). */
  get openPool(): Pool | undefined {
    return this.own;
  }

  async query<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    const pool = this.pool();
    for (let attempt = 1; ; attempt += 1) {
      const config: QueryConfig = { name: this.nameOf(text), text, values: [...values] };
      try {
        const result = await pool.query(config);
        return result.rows as T[];
      } catch (error: unknown) {
        if (attempt === 1 && resultTypeChanged(error)) {
          this.renamed += 1;
          this.names.set(text, `${this.nameOf(text)}_${this.renamed}`);
          continue;
        }
        throw new QueryFailedError(text, [...values], error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.own;
    this.own = undefined;
    await pool?.end();
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `u_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      this.names.set(text, name);
    }
    return name;
  }
}
