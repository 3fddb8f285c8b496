import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs an entry point from source (TypeScript transpiled as ts-node would, through a cache on disk: see
 * cached-ts-register.js) in an empty working directory, so no `.env` file leaks in, with exactly the environment
 * given (plus PATH).
 */
export function runEntryPoint(entry: string, env: Record<string, string>, args: string[] = []): Promise<Finished> {
  const child = startEntryPoint(entry, env, args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** Starts an entry point from source and leaves it running. */
export function startEntryPoint(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
): ChildProcessWithoutNullStreams {
  const cwd = mkdtempSync(join(tmpdir(), 'unblock-'));
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(ROOT, 'test/support/cached-ts-register.js'),
      '-r',
      'tsconfig-paths/register',
      join(ROOT, entry),
      ...args,
    ],
    {
      cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_PATH: join(ROOT, 'node_modules'),
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        ...env,
      },
      stdio: 'pipe',
    },
  );
  keepOutput(child, cwd);
  return child;
}

/**
 * Writes the child's output to `output.log` in its working directory (with `UNBLOCK_TEST_LOGS` set, each file is
 * printed with its pid, to read when a test fails), which also drains the pipes: a child whose pipe fills blocks on
 * its next log line.
 */
function keepOutput(child: ChildProcessWithoutNullStreams, dir: string): void {
  const file = join(dir, 'output.log');
  const log = createWriteStream(file);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('close', () => log.end());
  if (process.env['UNBLOCK_TEST_LOGS']) console.log(`${child.pid ?? '?'} writes to ${file}`);
}

/** Resolves when a line of the child's output matches, rejects when it exits first or time runs out. */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output:\n${seen}`));
    });
  });
}
