import { cpus } from 'node:os';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { markdown } from './harness';
import { SLA_SIZES, runSlaBenchmarks } from './sla-benchmarks';

/**
 * The SLA benchmarks alone (the Redis horizon, then deadline → escalation against bare BullMQ):
 * `npx ts-node -r tsconfig-paths/register --transpile-only test/bench/sla-main.ts [--tiny] [--rounds N] [--deadlines] [--open-cases N]`
 * (`--deadlines`: only deadline → escalation, on the same open cases).
 */
async function main(): Promise<void> {
  const chosen = process.argv.includes('--tiny') ? SLA_SIZES.tiny : SLA_SIZES.full;
  // `--open-cases N`: the same deadlines over fewer (or more) open cases, for a quicker look.
  const open = process.argv.indexOf('--open-cases');
  const size = open > 0 ? { ...chosen, openCases: Number(process.argv[open + 1]) } : chosen;
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 2;
  await globalSetup();
  try {
    const only = process.argv.includes('--deadlines') ? 'deadlines' : undefined;
    const results = await runSlaBenchmarks(size, rounds, (line) => process.stdout.write(`… ${line}\n`), only);
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
    process.stdout.write(`\n${markdown(results, machine)}\n`);
  } finally {
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
