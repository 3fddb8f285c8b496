import { coresBetween, readCpu } from './cpu';

/** Alternating A/B measurement: each pair's ratio, reported as the median of the pairwise ratios. */
export interface Sample {
  /** Operations per second. */
  readonly rate: number;
  /** Latencies in milliseconds, when measured. */
  readonly latencies?: readonly number[];
  /** Cores kept busy while it ran, by this process (the API and the load) and by Postgres. */
  readonly cores?: { readonly node: number; readonly postgres: number };
}

export interface Comparison {
  readonly scenario: string;
  readonly subject: string;
  readonly baseline: string;
  readonly rounds: number;
  readonly subjectRates: number[];
  readonly baselineRates: number[];
  readonly ratios: number[];
  readonly medianRatio: number;
  readonly target: string;
  readonly extra: Record<string, number | string>;
}

/** How long `op` took, in milliseconds. */
export async function timed(op: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await op();
  return performance.now() - started;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Runs `ops` operations with at most `concurrency` in flight; answers the rate and each latency. */
export async function drive(ops: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ops) }, async () => {
      for (let i = next++; i < ops; i = next++) {
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: ops / seconds, latencies };
}

export async function compare(
  meta: Pick<Comparison, 'scenario' | 'subject' | 'baseline' | 'target'>,
  rounds: number,
  subject: (round: number) => Promise<Sample>,
  baseline: (round: number) => Promise<Sample>,
  extra: (samples: Sample[]) => Record<string, number | string> = () => ({}),
  /**
   * Whether to report the cores each side kept busy: only when the work runs in this process and on Postgres
   * connections that stay open (a backend that exits takes its CPU time out of the sum).
   */
  { cores: withCores = true }: { cores?: boolean } = {},
): Promise<Comparison> {
  const subjectSamples: Sample[] = [];
  const baselineSamples: Sample[] = [];
  const measured = async (run: (round: number) => Promise<Sample>, round: number): Promise<Sample> => {
    const before = readCpu();
    const sample = await run(round);
    return { ...sample, cores: coresBetween(before, readCpu()) };
  };
  for (let round = 0; round < rounds; round += 1) {
    subjectSamples.push(await measured(subject, round));
    baselineSamples.push(await measured(baseline, round));
  }
  const cores = (samples: Sample[]): string => {
    const node = median(samples.map((s) => s.cores?.node ?? 0));
    const postgres = median(samples.map((s) => s.cores?.postgres ?? 0));
    return `${node.toFixed(2)} node + ${postgres.toFixed(2)} pg`;
  };
  const ratios = subjectSamples.map((s, i) => s.rate / (baselineSamples[i]?.rate ?? 1));
  return {
    ...meta,
    rounds,
    subjectRates: subjectSamples.map((s) => Math.round(s.rate)),
    baselineRates: baselineSamples.map((s) => Math.round(s.rate)),
    ratios: ratios.map((r) => Math.round(r * 1000) / 1000),
    medianRatio: Math.round(median(ratios) * 1000) / 1000,
    extra: {
      ...extra(subjectSamples),
      ...(withCores ? { 'cores subject': cores(subjectSamples), 'cores baseline': cores(baselineSamples) } : {}),
    },
  };
}

export function markdown(results: readonly Comparison[], machine: string): string {
  const lines = [
    `Machine: ${machine}`,
    '',
    '| scenario | subject | baseline | rounds | subject/s (median) | baseline/s (median) | median ratio | target | other |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.subject} | ${r.baseline} | ${r.rounds} | ${Math.round(median(r.subjectRates))} | ` +
        `${Math.round(median(r.baselineRates))} | **${r.medianRatio.toFixed(3)}** | ${r.target} | ` +
        `${Object.entries(r.extra)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
    ),
  ];
  return lines.join('\n');
}
