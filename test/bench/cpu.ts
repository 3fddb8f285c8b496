import { readFileSync, readdirSync } from 'node:fs';

/** CPU seconds used so far by this process and by every Postgres process on the machine (Linux `/proc`). */
export interface CpuReading {
  readonly at: number;
  readonly node: number;
  readonly postgres: number;
}

const TICKS_PER_SECOND = 100;

function postgresSeconds(): number {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return Number.NaN;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      if (name !== 'postgres' && !name.startsWith('postgres:')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

export function readCpu(): CpuReading {
  const usage = process.cpuUsage();
  return { at: performance.now(), node: (usage.user + usage.system) / 1e6, postgres: postgresSeconds() };
}

/** The cores each side kept busy between two readings, e.g. `{ node: 0.92, postgres: 0.81 }`. */
export function coresBetween(from: CpuReading, to: CpuReading): { node: number; postgres: number } {
  const seconds = (to.at - from.at) / 1000;
  return { node: (to.node - from.node) / seconds, postgres: (to.postgres - from.postgres) / seconds };
}
