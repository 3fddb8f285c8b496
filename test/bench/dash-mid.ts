import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { dashboardBenchmarks } from './dashboard-bench';
void (async () => {
  await globalSetup();
  try {
    const results = await dashboardBenchmarks(
      { visits: 1_000_000, enterprises: 100_000, cases: 200_000, requests: 100, rounds: 3 },
      (line) => console.error(line),
    );
    console.log(JSON.stringify(results));
  } finally {
    await globalTeardown();
  }
  process.exit(0);
})();
