import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { BALANCES_SIZES, balancesBenchmarks } from './balances-bench';
import { DASHBOARD_SIZES, dashboardBenchmarks } from './dashboard-bench';
import { markdown } from './harness';
import { LEAGUE_SIZES, leagueBenchmarks } from './league-bench';
import { PHONE_SIZES, phoneBenchmarks, phoneTable } from './phone-bench';
import { SCALE_SIZES, planText, scaleBenchmark, scaleTable } from './scale-bench';
import { SCENARIOS, SIZES, runBenchmarks, type ScenarioName } from './scenarios';

/** The province-size benchmarks `--only` also names. */
const PROVINCE = ['dashboards', 'balances', 'league'];

/** The scenarios `--only a,b` names, or all of them; `dashboards`, `balances` and `league` are three more names. */
function selection(argv: readonly string[]): {
  scenarios: Set<ScenarioName>;
  dashboards: boolean;
  balances: boolean;
  league: boolean;
} {
  const at = argv.indexOf('--only');
  const names = at >= 0 ? (argv[at + 1] ?? '').split(',').filter((n) => n !== '') : [...SCENARIOS, ...PROVINCE];
  const known = new Set<string>([...SCENARIOS, ...PROVINCE]);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--only takes a comma-separated list of ${[...known].join(', ')}; got "${argv[at + 1] ?? ''}"`);
  return {
    scenarios: new Set(SCENARIOS.filter((n) => names.includes(n))),
    dashboards: names.includes('dashboards') && !argv.includes('--skip-dashboards'),
    balances: names.includes('balances'),
    league: names.includes('league'),
  };
}

/** `npm run bench -- --web [--tiny]`: the console's speed on a phone; writes bench-phone-results.json and .md. */
async function phone(machine: string, log: (line: string) => void): Promise<void> {
  // The phone profile slows the CPU 4×: on a shared machine its figures move with the load, so the table says it.
  const before = loadavg()[0] ?? 0;
  const figures = await phoneBenchmarks(process.argv.includes('--tiny') ? PHONE_SIZES.tiny : PHONE_SIZES.full, log);
  const load = `load average ${before.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`;
  const table = phoneTable(figures, `${machine}, ${load}`);
  writeFileSync(
    'bench-phone-results.json',
    `${JSON.stringify({ machine, at: new Date().toISOString(), figures }, null, 2)}\n`,
  );
  writeFileSync('bench-phone-results.md', `${table}\n`);
  process.stdout.write(`\n${table}\n`);
}

/**
 * `npm run bench -- --scale [--scale-max N]`: the figures at 1 M, 3 M, 9.43 M and 30 M visits (up to N), each
 * as a ratio to its value at 1 M; writes bench-scale-results.json and .md.
 */
async function scale(machine: string, log: (line: string) => void): Promise<void> {
  const at = process.argv.indexOf('--scale-max');
  const max = at >= 0 ? Number(process.argv[at + 1]) : SCALE_SIZES[SCALE_SIZES.length - 1];
  if (!Number.isInteger(max) || (max ?? 0) < 10_000) throw new Error('--scale-max takes a number of visits ≥ 10000');
  const points = await scaleBenchmark(max ?? 0, log);
  const table = scaleTable(points, `${machine}, load average ${loadavg()[0]?.toFixed(1)} at the end`);
  writeFileSync(
    'bench-scale-results.json',
    `${JSON.stringify({ machine, at: new Date().toISOString(), points }, null, 2)}\n`,
  );
  writeFileSync('bench-scale-results.md', `${table}\n\n${planText(points)}\n`);
  process.stdout.write(`\n${table}\n`);
}

/**
 * `npm run bench [-- --tiny] [--only visits,claims,relay,get,import,sla,dashboards,balances,league] [--skip-dashboards]`: writes
 * bench-results.json and bench-results.md, and prints the table. `-- --web` runs the phone benchmark instead.
 */
async function main(): Promise<void> {
  const size = process.argv.includes('--tiny') ? SIZES.tiny : SIZES.full;
  const web = process.argv.includes('--web');
  const only = web ? undefined : selection(process.argv);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  await globalSetup();
  try {
    const log = (line: string): void => {
      process.stdout.write(`… ${line}\n`);
    };
    if (process.argv.includes('--scale')) {
      await scale(machine, log);
      return;
    }
    if (only === undefined) {
      await phone(machine, log);
      return;
    }
    const results = await runBenchmarks(size, log, only.scenarios);
    if (only.dashboards) {
      results.push(
        ...(await dashboardBenchmarks(
          process.argv.includes('--tiny') ? DASHBOARD_SIZES.tiny : DASHBOARD_SIZES.full,
          log,
        )),
      );
    }
    if (only.balances) {
      results.push(
        ...(await balancesBenchmarks(process.argv.includes('--tiny') ? BALANCES_SIZES.tiny : BALANCES_SIZES.full, log)),
      );
    }
    if (only.league) {
      results.push(
        ...(await leagueBenchmarks(process.argv.includes('--tiny') ? LEAGUE_SIZES.tiny : LEAGUE_SIZES.full, log)),
      );
    }
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
