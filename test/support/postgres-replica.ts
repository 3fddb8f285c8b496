import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './stack';

const run = promisify(execFile);

/** The newest PostgreSQL's programs that Debian installed. */
function bin(program: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return join('/usr/lib/postgresql', versions[0] ?? '15', 'bin', program);
}

/** Runs a PostgreSQL program, as the `postgres` user when this process is root (the server refuses root). */
async function pg(program: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  await run(asRoot ? 'runuser' : bin(program), asRoot ? ['-u', 'postgres', '--', bin(program), ...args] : args);
}

/** A directory the postgres user may write, when this process is root. */
async function ownDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (process.getuid?.() === 0) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** One PostgreSQL server of the test's own. */
class Server {
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    await pg('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`,
      'start',
    ]);
  }

  async stop(): Promise<void> {
    await pg('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  async query<T extends object>(database: string, sql: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }
}

/**
 * A primary and its streaming replica, of the test's own: `initdb` a primary on a free port (trust, and
 * replication from 127.0.0.1), then `pg_basebackup -R` a replica of it and start it as a hot standby.
 */
export class PrimaryAndReplica {
  private constructor(
    readonly primary: Server,
    readonly replica: Server,
  ) {}

  static async start(database: string): Promise<PrimaryAndReplica> {
    const primary = new Server(await ownDir('unblock-primary-'), await freePort());
    await pg('initdb', ['-D', join(primary.dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync']);
    await primary.start();
    await primary.query('postgres', `CREATE DATABASE "${database}"`);
    const replica = new Server(await ownDir('unblock-replica-'), await freePort());
    await pg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      join(replica.dir, 'data'),
      '-R',
      '-X',
      'stream',
      // A fast checkpoint (the default spreads it over minutes).
      '--checkpoint=fast',
      '--no-sync',
    ]);
    await replica.start();
    return new PrimaryAndReplica(primary, replica);
  }

  /** Holds the replica's replay (it falls behind), or lets it go on. */
  async replay(on: boolean): Promise<void> {
    await this.replica.query('postgres', on ? 'SELECT pg_wal_replay_resume()' : 'SELECT pg_wal_replay_pause()');
  }

  async stop(): Promise<void> {
    await this.replica.stop();
    await this.primary.stop();
  }
}
