import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/processes';

const WEB = join(ROOT, 'apps/web');
/** The console bundles the domain's validators (`@unblock/domain`): a change there is a change of the console. */
const DOMAIN = join(ROOT, 'libs/domain/src');
const BUILT = join(ROOT, 'dist/web/index.html');
const LOCK = join(ROOT, 'dist/.web-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  return !existsSync(BUILT) || statSync(BUILT).mtimeMs < Math.max(newestSource(WEB), newestSource(DOMAIN));
}

/**
 * Builds the console (`vite build`, a couple of seconds) unless dist/web is newer than every file of
 * apps/web and libs/domain. Browser specs may run in parallel workers: a lock directory keeps it to one build at a time.
 */
export async function ensureWebBuild(): Promise<void> {
  if (!stale()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`web build lock ${LOCK} held for two minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!stale()) return;
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const result = spawnSync(
      process.execPath,
      [vite, 'build', '--config', join(WEB, 'vite.config.mjs'), '--logLevel', 'warn'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmdirSync(LOCK);
  }
}
