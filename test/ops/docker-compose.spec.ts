import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAML11_SCHEMA } from 'js-yaml';

/**
 * docker/compose.yaml as `docker compose` reads it (YAML 1.1, with merge keys): nginx in front of two API
 * replicas, two workers, PostgreSQL and Redis, each with a healthcheck, and nothing started before what
 * it needs is healthy. There is no Docker engine here: the file and nginx.conf are checked as text.
 */
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  deploy?: { replicas?: number };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; start_period?: string };
  volumes?: string[];
  ports?: string[];
}

const DOCKER = join(__dirname, '../../docker');
const compose = load(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), { schema: YAML11_SCHEMA }) as { services: Record<string, Service> };
const services = compose.services;
const nginxConf = readFileSync(join(DOCKER, 'nginx.conf'), 'utf8');
const dockerfile = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8');
const replicas = (s: Service) => s.deploy?.replicas ?? 1;
const byTarget = (target: string) => Object.entries(services).filter(([, s]) => s.build?.target === target);

describe('docker/compose.yaml', () => {
  it('runs two API replicas, two workers, PostgreSQL, Redis and nginx', () => {
    expect(byTarget('api').reduce((n, [, s]) => n + replicas(s), 0)).toBe(2);
    expect(byTarget('worker').reduce((n, [, s]) => n + replicas(s), 0)).toBe(2);
    expect(services['postgres']!.image).toMatch(/^postgres:\d+/);
    expect(services['redis']!.image).toMatch(/^redis:\d+/);
    expect(services['nginx']!.image).toMatch(/^nginx:/);
    expect(Object.keys(services).sort()).toEqual(['api1', 'api2', 'nginx', 'postgres', 'redis', 'worker']);
  });

  it('builds each image from a target the Dockerfile has', () => {
    for (const [, s] of [...byTarget('api'), ...byTarget('worker')]) {
      expect(s.build).toMatchObject({ context: '..', dockerfile: 'docker/Dockerfile' });
      expect(dockerfile).toMatch(new RegExp(`^FROM \\S+ AS ${s.build!.target}$`, 'm'));
    }
    expect(dockerfile).toContain('COPY docker/worker-healthcheck.cjs ./docker/'); // what the worker's healthcheck runs
  });

  it('gives every service a healthcheck that asks the service itself', () => {
    expect(Object.entries(services).filter(([, s]) => (s.healthcheck?.test.length ?? 0) < 2).map(([name]) => name)).toEqual([]);
    for (const [, s] of byTarget('api')) expect(s.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:3000/api/health/ready');
    expect(services['worker']!.healthcheck!.test).toEqual(['CMD', 'node', 'docker/worker-healthcheck.cjs']);
    expect(services['postgres']!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(services['redis']!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services['nginx']!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:8080/api/health/live');
  });

  it('starts nothing before what it needs is healthy', () => {
    for (const [, s] of [...byTarget('api'), ...byTarget('worker')]) {
      expect(s.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(services['nginx']!.depends_on).toEqual({ api1: { condition: 'service_healthy' }, api2: { condition: 'service_healthy' } });
  });

  it('configures every replica alike: one database, one Redis, one JWT secret; jobs in the workers only', () => {
    const [[, api1], [, api2]] = byTarget('api') as [[string, Service], [string, Service]];
    expect(api1.environment).toEqual(api2.environment);
    expect(api1.environment).toMatchObject({ RUN_JOB_PROCESSORS: 'false', TRUST_PROXY: '1' });
    const worker = services['worker']!.environment!;
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) expect(api1.environment![key]).toBe(worker[key]);
    expect(worker['DATABASE_URL']).toMatch(/@postgres:5432\//);
    expect(worker['REDIS_URL']).toBe('redis://redis:6379');
    expect(worker).not.toHaveProperty('RUN_JOB_PROCESSORS');
  });

  it('publishes only nginx; the replicas are reached through it', () => {
    expect(services['nginx']!.ports).toEqual(['8080:8080']);
    for (const [, s] of byTarget('api')) expect(s.ports).toBeUndefined();
    expect(services['nginx']!.volumes).toContain('./nginx.conf:/etc/nginx/conf.d/default.conf:ro');
  });
});

describe('docker/nginx.conf', () => {
  it('balances over an upstream holding exactly the API replicas of compose.yaml', () => {
    const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(nginxConf);
    expect(upstream).not.toBeNull();
    const servers = [...upstream![2]!.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(servers.sort()).toEqual(byTarget('api').map(([name]) => `${name}:3000`).sort());
    expect(nginxConf).toContain(`proxy_pass http://${upstream![1]};`);
  });

  it('listens on the published port and passes the client address the login throttle counts', () => {
    expect(nginxConf).toMatch(/^\s*listen 8080;/m);
    expect(nginxConf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(nginxConf).toMatch(/proxy_next_upstream [^;]*http_503/);
  });
});
