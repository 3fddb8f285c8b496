import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { PreparedStatements, USER_SESSION_STATE, USER_SESSIONS_CHANNEL } from '@unblock/database';
import { Client } from 'pg';

/** The version of an account that is deactivated or gone: no token matches it. */
export const NO_SESSION = -1;

/** How long to wait before listening again after the listening connection failed. */
const RECONNECT_MS = 1_000;

/** The most users whose versions are kept; past it the cache starts afresh. */
const MAX_CACHED = 100_000;

/**
 * Each user's current session version, as every API process checks it on every request: a Map lookup
 * when known, else one query by primary key. A change that ends a user's sessions (`END_USER_SESSIONS`)
 * notifies the `user_sessions` channel in its transaction; every process listens on a connection of its
 * own and forgets that user's version, so the very next request reads the new one. Postgres, not Redis:
 * a notification is delivered to each listener once the change commits.
 *
 * Notifications sent while the listening connection is down are lost, so: nothing is cached until it
 * listens, and on every (re)connection the cache is emptied. A version read while a notification arrives
 * is not cached (the epoch moved), since the read may have seen the row before the change.
 */
@Injectable()
export class SessionVersions implements OnApplicationShutdown {
  private readonly logger = new Logger('SessionVersions');
  private readonly versions = new Map<string, number>();
  /** Moves on every notification and every (dis)connection: a read that spans a move is not cached. */
  private epoch = 0;
  private listening = false;
  private started = false;
  private stopped = false;
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly prepared: PreparedStatements,
  ) {}

  /** The user's current version when known in this process, else undefined (then `load`). */
  cached(userId: string): number | undefined {
    return this.versions.get(userId);
  }

  /** The user's current version from the database (`NO_SESSION` when inactive or gone), cached when safe. */
  async load(userId: string): Promise<number> {
    if (!this.started) this.start();
    const epoch = this.epoch;
    const rows = await this.prepared.query<{ session_version: number; active: boolean }>(USER_SESSION_STATE, [userId]);
    const row = rows[0];
    const version = row !== undefined && row.active ? row.session_version : NO_SESSION;
    this.remember(userId, version, epoch);
    return version;
  }

  /**
   * Where the cache stands before a read of a user's version elsewhere (a sign-in): pass it to `remember`.
   * Starts listening, if this process does not yet.
   */
  observe(): number {
    if (!this.started) this.start();
    return this.epoch;
  }

  /**
   * Keeps a version read elsewhere since `observe` answered `epoch` (a sign-in reads the user), so that the
   * session's first request needs no query of its own; not when a notification or a reconnection came between.
   */
  remember(userId: string, version: number, epoch: number): void {
    if (!this.listening || epoch !== this.epoch) return;
    if (this.versions.size >= MAX_CACHED) this.versions.clear();
    this.versions.set(userId, version);
  }

  /**
   * The user's sessions were just ended by this process (the change committed): their version is read
   * again at once, without waiting for Postgres's notification to come back to this process.
   */
  forget(userId: string): void {
    this.epoch += 1;
    this.versions.delete(userId);
  }

  /** Listens from the first use on (the CLI and the worker, which never check a token, never listen). */
  private start(): void {
    this.started = true;
    void this.listen();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'unblock-api-sessions' });
    this.client = client;
    const lost = (error?: Error): void => {
      if (this.client !== client) return;
      this.client = undefined;
      this.forgetAll();
      if (this.stopped) return;
      this.logger.warn({ err: error }, 'the session-change listener lost its connection; listening again');
      void client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      this.epoch += 1;
      if (message.payload !== undefined) this.versions.delete(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${USER_SESSIONS_CHANNEL}`);
      if (this.client !== client) return;
      // Whatever changed while nobody listened is unknown: start from the database.
      this.forgetAll();
      this.listening = true;
    } catch (error: unknown) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private forgetAll(): void {
    this.listening = false;
    this.epoch += 1;
    this.versions.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry !== undefined) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.forgetAll();
    await client?.end().catch(() => undefined);
  }
}
