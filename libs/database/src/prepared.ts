import { createHash } from 'node:crypto';
import type { Pool, QueryConfig } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Postgres refuses a prepared statement whose result columns changed since it was prepared (a migration
 * added a column to a table it returns `*` of): SQLSTATE 0A000 with this message.
 */
const RESULT_TYPE_CHANGED = /cached plan must not change result type/u;

/** Each statement's current name; a statement refused as above is renamed, so it is prepared afresh. */
const names = new Map<string, string>();
let renamed = 0;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `u_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

function resultTypeChanged(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && RESULT_TYPE_CHANGED.test(e.message);
}

/** The pg pool under a TypeORM data source. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/**
 * Runs one of the hot paths' single statements (its own transaction) as a named prepared statement:
 * each pooled connection parses and plans it once, then only binds and executes it (parsing and planning
 * it again was about a third of a visit's time in Postgres). For fixed statement texts only (the name is
 * the text's hash): a text built per call would fill every connection with statements used once. Errors
 * are TypeORM's `QueryFailedError`, as `DataSource.query` gives. A statement Postgres refuses because a
 * table's columns changed under it (a migration while the API runs) is prepared afresh under a new name.
 * Not for a transaction's statements: that refusal would abort the transaction.
 */
export async function queryPrepared<T>(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<T[]> {
  const pool = poolOf(dataSource);
  for (let attempt = 1; ; attempt += 1) {
    const config: QueryConfig = { name: nameOf(text), text, values: [...values] };
    try {
      const result = await pool.query(config);
      return result.rows as T[];
    } catch (error: unknown) {
      if (attempt === 1 && resultTypeChanged(error)) {
        renamed += 1;
        names.set(text, `${nameOf(text)}_${renamed}`);
        continue;
      }
      throw new QueryFailedError(text, [...values], error instanceof Error ? error : new Error(String(error)));
    }
  }
}
