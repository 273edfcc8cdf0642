import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long readiness waits for the database's answer. */
const PROBE_TIMEOUT_MS = 2000;

export interface DependencyProbe {
  up: boolean;
  latencyMs: number;
  detail?: string;
}

/** Readiness: does the database answer a trivial query now (GET /api/health/ready)? */
@Injectable()
export class DatabaseProbe {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(): Promise<DependencyProbe> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { up: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { up: false, latencyMs: Date.now() - started, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
