import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { isAddressRange } from '@unblock/domain/webhook-destination';
import { IsProxyList } from './proxy-addresses';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/u.test(value) ? Number(value) : value;

/**
 * The process environment as the apps read it: once, at boot, validated here. Nothing else reads
 * `process.env`.
 */
export class Environment {
  @Matches(/^postgres(ql)?:\/\/\S+$/u, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** A PostgreSQL streaming replica of DATABASE_URL's: reports and exports read from it once it has caught up. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/u, { message: 'must be a postgres:// URL' })
  REPORTS_DATABASE_URL?: string;

  @Matches(/^rediss?:\/\/\S+$/u, { message: 'must be a redis:// URL' })
  REDIS_URL!: string;

  /**
   * The nodes of a Redis Cluster (`host:port,host:port,…`): the queues run on it, under a hash-tagged prefix.
   * REDIS_URL then gives only the credentials and TLS.
   */
  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/u, { message: 'must be host:port pairs separated by commas' })
  REDIS_CLUSTER_NODES?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER = 'unblock';

  @IsOptional()
  @IsString()
  JWT_AUDIENCE = 'unblock-api';

  /** Access token lifetime in seconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(10)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Refresh token lifetime in seconds (default 14 days). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60)
  REFRESH_TTL_SECONDS = 14 * 24 * 3600;

  @IsOptional()
  @Matches(/^[A-Za-z0-9:_{}-]{1,64}$/u, { message: 'must be 1-64 letters, digits, ":", "_", "-", "{" or "}"' })
  QUEUE_PREFIX = 'unblock';

  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Login attempts allowed per account, and per address, in each LOGIN_THROTTLE_WINDOW_SECONDS. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  LOGIN_THROTTLE_LIMIT = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1)
  LOGIN_THROTTLE_WINDOW_SECONDS = 60;

  /** Requests allowed per enterprise link (and failed tokens per address) in each LOGIN_THROTTLE_WINDOW_SECONDS. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  PORTAL_THROTTLE_LIMIT = 120;

  /** How often the worker's sweeper re-creates lost jobs and opens missed escalations. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  SWEEP_INTERVAL_MS = 60_000;

  /** How often the worker's relay polls the outbox when it is empty. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(10)
  RELAY_INTERVAL_MS = 250;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  REPORTS_REFRESH_MS = 5000;

  /**
   * How long a request that claimed an `Idempotency-Key` holds it before it has answered: once the lease
   * lapses (its API died mid-request), a retry takes the key over and runs (default 2 minutes).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  IDEMPOTENCY_LEASE_MS = 120_000;

  /** The largest upload taken, in bytes (default 100 MB). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024)
  UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

  /** The bytes of uploads one user may have stored at once (those of imports not yet completed). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024)
  UPLOAD_QUOTA_BYTES = 1024 * 1024 * 1024;

  /** The bytes an .xlsx workbook may inflate to, declared at upload and counted while the worker reads it. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1024)
  XLSX_MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

  /** The largest ratio of inflated to compressed size an .xlsx workbook's part (over 1 MB) may declare. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(2)
  XLSX_MAX_COMPRESSION_RATIO = 100;

  /** The shared strings an .xlsx workbook may hold (the worker keeps them in memory while it reads the sheet). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  XLSX_MAX_SHARED_STRINGS = 2_000_000;

  /** The characters of all of an .xlsx workbook's shared strings together. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  XLSX_MAX_SHARED_STRING_CHARS = 100_000_000;

  /** The cells of the worksheet an .xlsx import reads. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  XLSX_MAX_CELLS = 20_000_000;

  /**
   * Whether webhooks may reach loopback, private, link-local and other non-public addresses (receivers on the
   * same network): `true` for all, a comma-separated list of ranges (`10.1.2.0/24,fd12::/64`) for those only.
   * By default (`false`) such a webhook is refused when saved and when sent.
   */
  @IsOptional()
  @IsString()
  WEBHOOK_ALLOW_PRIVATE = 'false';
  /**
   * The reverse proxies whose `X-Forwarded-For` the API believes: addresses or CIDR blocks, comma-separated.
   * None by default: the client's address is the connection's.
   */
  @IsOptional()
  @IsProxyList()
  TRUST_PROXY?: string;

  /**
   * Where people reach the console (`https://unblock.example.cn`): an enterprise's link is `<PUBLIC_URL>/e/<token>`.
   * Unset, a link takes the scheme and host its request came with.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  PUBLIC_URL?: string;

  /**
   * The CJK font (OpenType or a collection, .otf/.ttc) the bulletins' PDF is set in; the Docker image installs
   * fonts-noto-cjk at the default path.
   */
  @IsOptional()
  @IsString()
  PDF_CJK_FONT?: string;

  /** The bearer token that `/api/v1/metrics` and the worker's metrics port ask for; unset, neither answers. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** The port of the worker's own metrics (off when unset). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(65535)
  WORKER_METRICS_PORT?: number;

  /** The address the worker's metrics listen on. */
  @IsOptional()
  @IsString()
  WORKER_METRICS_HOST = '127.0.0.1';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';
}

/** A missing or bad variable, described in one line that names it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment (by default the process's) and answers the typed configuration. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, present);
  const [first] = validateSync(env, { whitelist: false, forbidUnknownValues: true });
  if (first) {
    const raw = present[first.property];
    const messages = Object.values(first.constraints ?? {}).map((m) =>
      m.startsWith(`${first.property} `) ? m.slice(first.property.length + 1) : m,
    );
    const why = raw === undefined ? 'is missing' : messages.join('; ') || 'is invalid';
    throw new ConfigError(first.property, why);
  }
  const ranges = env.WEBHOOK_ALLOW_PRIVATE.split(',').map((r) => r.trim());
  if (!['true', 'false'].includes(env.WEBHOOK_ALLOW_PRIVATE) && !ranges.every(isAddressRange)) {
    throw new ConfigError('WEBHOOK_ALLOW_PRIVATE', 'must be true, false or address ranges such as 10.1.2.0/24');
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD',
      'is missing (ADMIN_EMAIL and ADMIN_PASSWORD go together)',
    );
  }
  if (env.WORKER_METRICS_PORT !== undefined && env.METRICS_TOKEN === undefined) {
    throw new ConfigError('METRICS_TOKEN', 'is missing (WORKER_METRICS_PORT serves metrics behind it)');
  }
  return env;
}
