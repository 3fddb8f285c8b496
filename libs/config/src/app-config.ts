import type { WebhookAddressPolicy } from '@unblock/domain/webhook-destination';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, Environment, parseEnvironment } from './environment';
import { proxyEntries } from './proxy-addresses';

export interface XlsxLimits {
  /** Bytes all the workbook's parts inflate to, together. */
  readonly maxInflatedBytes: number;
  /** Inflated ÷ compressed size of one part over 1 MB. */
  readonly maxCompressionRatio: number;
  readonly maxSharedStrings: number;
  readonly maxSharedStringChars: number;
  readonly maxCells: number;
}

/** The typed configuration every app and library receives. */
export class AppConfig {
  readonly databaseUrl: string;
  /** A streaming replica that reports and exports read from, or null: they read the primary. */
  readonly reportsDatabaseUrl: string | null;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  /** The nodes of the Redis Cluster the queues run on, or null for the one Redis of `redisUrl`. */
  readonly redisClusterNodes: readonly { readonly host: string; readonly port: number }[] | null;
  /** The queues' key prefix: on a cluster, a hash tag (`{unblock}`), so that each queue's keys share a slot. */
  readonly queuePrefix: string;
  readonly http: { readonly port: number; readonly host: string };
  /** Where people reach the console, without a trailing slash; null: the request's own scheme and host. */
  readonly publicUrl: string | null;
  /** The CJK font of the bulletins' PDF: a file (.otf/.ttc) and, in a collection, the face's PostScript name. */
  readonly pdfFont: { readonly path: string; readonly face: string };
  readonly jwt: {
    readonly secret: string;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
  };
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | null;
  readonly loginThrottle: { readonly limit: number; readonly windowSeconds: number };
  /** Requests per enterprise link on its page (and failed tokens per address), in the login's window. */
  readonly portalThrottle: { readonly limit: number; readonly windowSeconds: number };
  readonly worker: {
    readonly sweepIntervalMs: number;
    readonly relayIntervalMs: number;
    /** How often the worker brings the report rollups up to date. */
    readonly reportsRefreshMs: number;
  };
  /** How long an `Idempotency-Key` in progress is held before a retry may take it over. */
  readonly idempotencyLeaseMs: number;
  /** Limits on uploads, in bytes: one upload, and all of one user's stored uploads. */
  readonly uploads: { readonly maxBytes: number; readonly quotaBytes: number };
  /** Limits on reading an .xlsx workbook. */
  readonly xlsx: XlsxLimits;
  /** The addresses webhooks may reach besides public ones. */
  readonly webhooks: WebhookAddressPolicy;
  /** The reverse proxies believed (addresses and CIDR blocks); empty: none. */
  readonly trustProxy: readonly string[];
  readonly metrics: {
    /** The bearer token of the metrics endpoints; null: they answer 404. */
    readonly token: string | null;
    /** The worker's metrics port, or null when off. */
    readonly workerPort: number | null;
    readonly workerHost: string;
  };
  readonly logLevel: string;
  readonly production: boolean;

  constructor(env: Environment) {
    this.databaseUrl = env.DATABASE_URL;
    this.reportsDatabaseUrl = env.REPORTS_DATABASE_URL ?? null;
    this.databasePoolSize = env.DATABASE_POOL_SIZE;
    this.redisUrl = env.REDIS_URL;
    this.redisClusterNodes =
      env.REDIS_CLUSTER_NODES === undefined
        ? null
        : env.REDIS_CLUSTER_NODES.split(',').map((node) => {
            const at = node.lastIndexOf(':');
            return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
          });
    this.queuePrefix =
      this.redisClusterNodes === null || env.QUEUE_PREFIX.includes('{') ? env.QUEUE_PREFIX : `{${env.QUEUE_PREFIX}}`;
    this.http = { port: env.PORT, host: env.HOST };
    this.publicUrl = env.PUBLIC_URL === undefined ? null : env.PUBLIC_URL.replace(/\/+$/u, '');
    this.pdfFont = {
      path: env.PDF_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      face: 'NotoSansCJKsc-Regular',
    };
    this.jwt = {
      secret: env.JWT_SECRET,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.REFRESH_TTL_SECONDS,
    };
    this.bootstrapAdmin =
      env.ADMIN_EMAIL !== undefined && env.ADMIN_PASSWORD !== undefined
        ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
        : null;
    this.loginThrottle = { limit: env.LOGIN_THROTTLE_LIMIT, windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS };
    this.portalThrottle = { limit: env.PORTAL_THROTTLE_LIMIT, windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS };
    this.worker = {
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      relayIntervalMs: env.RELAY_INTERVAL_MS,
      reportsRefreshMs: env.REPORTS_REFRESH_MS,
    };
    this.idempotencyLeaseMs = env.IDEMPOTENCY_LEASE_MS;
    this.uploads = { maxBytes: env.UPLOAD_MAX_BYTES, quotaBytes: env.UPLOAD_QUOTA_BYTES };
    this.xlsx = {
      maxInflatedBytes: env.XLSX_MAX_INFLATED_BYTES,
      maxCompressionRatio: env.XLSX_MAX_COMPRESSION_RATIO,
      maxSharedStrings: env.XLSX_MAX_SHARED_STRINGS,
      maxSharedStringChars: env.XLSX_MAX_SHARED_STRING_CHARS,
      maxCells: env.XLSX_MAX_CELLS,
    };
    const allow = env.WEBHOOK_ALLOW_PRIVATE;
    this.webhooks = {
      allowPrivate: allow === 'true',
      allowedRanges: allow === 'true' || allow === 'false' ? [] : allow.split(',').map((range) => range.trim()),
    };
    this.trustProxy = Object.freeze(proxyEntries(env.TRUST_PROXY ?? ''));
    this.metrics = {
      token: env.METRICS_TOKEN ?? null,
      workerPort: env.WORKER_METRICS_PORT ?? null,
      workerHost: env.WORKER_METRICS_HOST,
    };
    this.logLevel = env.LOG_LEVEL;
    this.production = env.NODE_ENV === 'production';
  }

  static from(source: Record<string, string | undefined>): AppConfig {
    return new AppConfig(parseEnvironment(source));
  }

  /** Reads the process environment (and a `.env` file beside it, which never overrides it). */
  static fromProcess(): AppConfig {
    loadDotenv({ quiet: true });
    return AppConfig.from(process.env);
  }

  /** For entry points: on a bad environment, print the one line that names the variable and exit. */
  static fromProcessOrExit(): AppConfig {
    try {
      return AppConfig.fromProcess();
    } catch (error: unknown) {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      throw error;
    }
  }
}

/** For the migration CLI, which needs the database alone: reads and checks DATABASE_URL only. */
export function databaseUrlFromProcess(): string {
  loadDotenv({ quiet: true });
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '') throw new ConfigError('DATABASE_URL', 'is missing');
  if (!/^postgres(ql)?:\/\/\S+$/u.test(url)) throw new ConfigError('DATABASE_URL', 'must be a postgres:// URL');
  return url;
}
