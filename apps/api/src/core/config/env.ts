import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** DEMO_DATA's spellings: empty means the default (story); true and false as before the modes existed. */
const DEMO_DATA_ALIASES: Readonly<Record<string, string>> = { '': 'story', true: 'story', '1': 'story', false: 'none', '0': 'none' };

/** The environment, validated once at boot (CONVENTIONS §5). Nothing else reads process.env. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** PostgreSQL server; when absent the app runs on the embedded PGlite in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  /** Redis for BullMQ; when absent jobs run in-process. */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /** Key prefix of the BullMQ queues in Redis (lets several installations share one Redis). */
  @Matches(/^[a-z0-9_-]{1,40}$/i, { message: 'QUEUE_PREFIX may use letters, digits, _ and - only' })
  QUEUE_PREFIX = 'jixiao';

  /** Folder of the embedded database (and of the generated JWT secret in embedded mode). */
  @IsString()
  DATA_DIR = 'data';

  /** Secret signing the access tokens. Required with DATABASE_URL; generated into DATA_DIR otherwise. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET?: string;

  /**
   * How long an access token lasts, in seconds: 15 minutes by default. The web renews it with the
   * refresh token without asking; tests shorten it to expire one.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 900 : Number(value)))
  @IsInt({ message: 'ACCESS_TOKEN_TTL_SECONDS must be a whole number of seconds' })
  @Min(5, { message: 'ACCESS_TOKEN_TTL_SECONDS must be at least 5' })
  @Max(86400, { message: 'ACCESS_TOKEN_TTL_SECONDS must be at most 86400 (one day)' })
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * How long a login session (登录会话) lasts without use, in seconds: each refresh token lives this
   * long (12 hours by default), so a session nobody renews ends then.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 43200 : Number(value)))
  @IsInt({ message: 'REFRESH_TOKEN_TTL_SECONDS must be a whole number of seconds' })
  @Min(60, { message: 'REFRESH_TOKEN_TTL_SECONDS must be at least 60' })
  @Max(2592000, { message: 'REFRESH_TOKEN_TTL_SECONDS must be at most 2592000 (30 days)' })
  REFRESH_TOKEN_TTL_SECONDS = 43200;

  /**
   * What a first start loads into an empty database: `story` (the default; also `true`) the five demo
   * departments in a year in progress, `fixtures` the same departments with every sheet a draft as
   * published, `none` (also `false`) nothing.
   */
  @Transform(({ value }) => { const key = String(value ?? '').trim().toLowerCase(); return DEMO_DATA_ALIASES[key] ?? key; })
  @IsIn(['story', 'fixtures', 'none'], { message: 'DEMO_DATA must be story, fixtures or none (true = story, false = none)' })
  DEMO_DATA: 'story' | 'fixtures' | 'none' = 'story';

  /** Folder of the demo datasets loaded at first start. */
  @IsString()
  DEMO_DATA_DIR = 'demo/datasets';

  /** Folder of the built Angular app served for non-/api routes. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web/browser';

  /** CJK font embedded (subset) in PDF reports; fonts-noto-cjk by default. */
  @IsString()
  REPORT_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

  /** The face used inside a font collection (.ttc/.otc), by PostScript name. */
  @IsString()
  REPORT_FONT_FACE = 'NotoSansCJKsc-Regular';

  /**
   * How many proxies in front of the API to trust for the client address (X-Forwarded-For): the
   * address the login throttle counts failures of. 0: the address of the connection itself.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 0 : Number(value)))
  @IsInt({ message: 'TRUST_PROXY must be a number of proxies (0–10)' })
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  /** Log lines as JSON objects (`json`, the default in production) or readable text (`text`, the default otherwise). */
  @IsOptional()
  @IsIn(['json', 'text'], { message: 'LOG_FORMAT must be json or text' })
  LOG_FORMAT?: 'json' | 'text';

  /** Bearer token a Prometheus scraper sends to GET /api/metrics (besides an admin's login); none: admins only. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * How long a worker's lock on a job lasts unless renewed, in seconds (it is renewed every half of
   * it while the job runs); the stalled-job check runs as often. A killed worker's job is taken up by
   * another worker at most twice this later. 30 by default; the evaluation benchmark shortens it.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'JOB_LOCK_SECONDS must be a whole number of seconds (2–600)' })
  @Min(2)
  @Max(600)
  JOB_LOCK_SECONDS = 30;

  /**
   * How many batches of a region's year-end run one worker process evaluates at once: 2 by default,
   * so that one batch is scored in JavaScript while the rows of another are read or written by the
   * database (bench/README.md). 1 runs them strictly one after another.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 2 : Number(value)))
  @IsInt({ message: 'EVALUATION_CONCURRENCY must be a whole number (1–8)' })
  @Min(1)
  @Max(8)
  EVALUATION_CONCURRENCY = 2;

  /** Which job processors this process runs: api runs them unless told not to. */
  @Transform(({ value }) => (value === undefined || value === '' ? true : value === true || value === 'true' || value === '1'))
  @IsBoolean()
  RUN_JOB_PROCESSORS = true;
}

export type EnvKey = keyof Env;

export class ConfigurationError extends Error {}

/** Parse and validate an environment; throws ConfigurationError listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const env = loadToolEnv(source);
  if (env.DATABASE_URL && !env.JWT_SECRET) {
    throw new ConfigurationError('配置错误 / invalid configuration:\n  - JWT_SECRET is required when DATABASE_URL is set');
  }
  return env;
}

/** The same validation for tools that sign no tokens (TypeORM CLI, schema check): JWT_SECRET is not required. */
export function loadToolEnv(source: Record<string, string | undefined>): Env {
  const known = Object.keys(new Env()).concat(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'LOG_FORMAT', 'METRICS_TOKEN']);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(Env, picked);
  const errors = validateSync(env, { forbidUnknownValues: false });
  const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`));
  // the 12-hour access token of earlier versions: its variable is refused rather than silently ignored
  if (source['JWT_TTL_SECONDS'] !== undefined) {
    lines.push('  - JWT_TTL_SECONDS: no longer used; set ACCESS_TOKEN_TTL_SECONDS (access token, default 900) and REFRESH_TOKEN_TTL_SECONDS (login session, default 43200)');
  }
  if (lines.length === 0 && env.ACCESS_TOKEN_TTL_SECONDS > env.REFRESH_TOKEN_TTL_SECONDS) {
    lines.push('  - ACCESS_TOKEN_TTL_SECONDS: must not exceed REFRESH_TOKEN_TTL_SECONDS');
  }
  if (lines.length > 0) throw new ConfigurationError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  return env;
}
