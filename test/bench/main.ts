import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { DASHBOARD_SIZES, dashboardBenchmarks } from './dashboard-bench';
import { markdown } from './harness';
import { SIZES, runBenchmarks } from './scenarios';

/** `npm run bench [-- --tiny]`: writes bench-results.json and bench-results.md, and prints the table. */
async function main(): Promise<void> {
  const size = process.argv.includes('--tiny') ? SIZES.tiny : SIZES.full;
  await globalSetup();
  try {
    const log = (line: string): void => {
      process.stdout.write(`… ${line}\n`);
    };
    const results = await runBenchmarks(size, log);
    if (!process.argv.includes('--skip-dashboards')) {
      results.push(
        ...(await dashboardBenchmarks(
          process.argv.includes('--tiny') ? DASHBOARD_SIZES.tiny : DASHBOARD_SIZES.full,
          log,
        )),
      );
    }
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
    const table = markdown(results, machine);
    writeFileSync(
      'bench-results.json',
      `${JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2)}\n`,
    );
    writeFileSync('bench-results.md', `${table}\n`);
    process.stdout.write(`\n${table}\n`);
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
