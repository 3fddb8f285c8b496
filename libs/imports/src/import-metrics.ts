import { Counter } from 'prom-client';

/**
 * The rows of imports committed, by kind and outcome (`accepted`, `rejected`): `rate()` of it is the rows
 * imported per second. Registered by the process that exposes it (the worker's metrics).
 */
export const IMPORT_ROWS = new Counter({
  name: 'unblock_import_rows_total',
  help: 'Rows of bulk imports committed, by kind and outcome.',
  labelNames: ['kind', 'outcome'] as const,
  registers: [],
});
