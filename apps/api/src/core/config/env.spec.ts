import { ConfigurationError, loadEnv, loadToolEnv } from './env';

describe(loadEnv.name, () => {
  it('applies the defaults of an embedded, demo-ready installation', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: 'data', DEMO_DATA: 'story', RUN_JOB_PROCESSORS: true, NODE_ENV: 'development', TRUST_PROXY: 0, ACCESS_TOKEN_TTL_SECONDS: 900, REFRESH_TOKEN_TTL_SECONDS: 43200, EVALUATION_CONCURRENCY: 2, JOB_LOCK_SECONDS: 30 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('reads the fixed contract variables', () => {
    const env = loadEnv({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379', DATA_DIR: '/var/x', JWT_SECRET: 'x'.repeat(32), DEMO_DATA: 'false' });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379', DATA_DIR: '/var/x', DEMO_DATA: 'none' });
  });

  it.each([
    ['story', 'story'], ['fixtures', 'fixtures'], ['none', 'none'], ['true', 'story'], ['1', 'story'], ['0', 'none'], [' Fixtures ', 'fixtures'], ['', 'story'],
  ])('reads DEMO_DATA=%j as %s', (given, mode) => {
    expect(loadEnv({ DEMO_DATA: given }).DEMO_DATA).toBe(mode);
  });

  it('takes the access token and login session lifetimes in seconds (tests shorten them to expire one)', () => {
    const env = loadEnv({ ACCESS_TOKEN_TTL_SECONDS: '60', REFRESH_TOKEN_TTL_SECONDS: '600' });
    expect([env.ACCESS_TOKEN_TTL_SECONDS, env.REFRESH_TOKEN_TTL_SECONDS]).toEqual([60, 600]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'postgres://u@h/db' }, 'JWT_SECRET is required'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ DEMO_DATA: 'everything' }, 'DEMO_DATA'],
    [{ ACCESS_TOKEN_TTL_SECONDS: 'an hour' }, 'ACCESS_TOKEN_TTL_SECONDS'],
    [{ ACCESS_TOKEN_TTL_SECONDS: '0' }, 'ACCESS_TOKEN_TTL_SECONDS'],
    [{ ACCESS_TOKEN_TTL_SECONDS: '90000' }, 'ACCESS_TOKEN_TTL_SECONDS'],
    [{ REFRESH_TOKEN_TTL_SECONDS: '30' }, 'REFRESH_TOKEN_TTL_SECONDS'],
    [{ REFRESH_TOKEN_TTL_SECONDS: '12h' }, 'REFRESH_TOKEN_TTL_SECONDS'],
    [{ ACCESS_TOKEN_TTL_SECONDS: '3600', REFRESH_TOKEN_TTL_SECONDS: '600' }, 'must not exceed REFRESH_TOKEN_TTL_SECONDS'],
    [{ JWT_TTL_SECONDS: '43200' }, 'JWT_TTL_SECONDS: no longer used'],
    [{ EVALUATION_CONCURRENCY: '0' }, 'EVALUATION_CONCURRENCY'],
    [{ EVALUATION_CONCURRENCY: 'two' }, 'EVALUATION_CONCURRENCY'],
  ])('fails fast on %p', (vars, named) => {
    expect(() => loadEnv(vars)).toThrow(ConfigurationError);
    expect(() => loadEnv(vars)).toThrow(named);
  });
});

describe(loadToolEnv.name, () => {
  it('validates like loadEnv but needs no JWT_SECRET with DATABASE_URL (the TypeORM CLI signs no tokens)', () => {
    expect(loadToolEnv({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(() => loadToolEnv({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL');
  });
});
