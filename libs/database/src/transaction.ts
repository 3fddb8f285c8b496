import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** serialization_failure, deadlock_detected: the transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export function postgresErrorCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code: unknown = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Runs `work` in one transaction, again (up to `attempts` times) when Postgres asks for a retry. */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  return retrying(() => dataSource.transaction(work), attempts);
}

/** Runs `work` (one statement, or a transaction of its own), again when Postgres asks for a retry. */
export async function retrying<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error: unknown) {
      const code = postgresErrorCode(error);
      if (attempt >= attempts || code === undefined || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 10));
    }
  }
}
