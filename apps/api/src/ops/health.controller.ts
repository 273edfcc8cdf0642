import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../core/auth/auth.decorators';
import { DatabaseProbe } from '../core/database/database-probe';
import { RETRY_AFTER_SECONDS } from '../core/errors/dependency-errors';
import { JobQueue } from '../core/queue/job-queue';

/** One dependency's state as readiness reports it. */
export interface DependencyState {
  status: 'up' | 'down';
  latencyMs: number;
}

export interface ReadinessResponse {
  status: 'ready' | 'unavailable';
  checks: { database: DependencyState; redis?: DependencyState };
}

/**
 * Probes for orchestrators and load balancers, without login. `live`: the process answers (restart
 * it if not); `ready`: it can serve, the database answers and, where REDIS_URL is set, Redis does
 * (take it out of rotation if not: 503 with each dependency's state). No internals are shown.
 */
@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly jobs: JobQueue,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ operationId: 'getLiveness', summary: '进程存活检查（不检查依赖）/ liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'live' } } })
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ operationId: 'getReadiness', summary: '就绪检查：数据库与 Redis（已配置时）/ readiness: database and Redis' })
  @ApiOkResponse({ schema: { example: { status: 'ready', checks: { database: { status: 'up', latencyMs: 2 }, redis: { status: 'up', latencyMs: 1 } } } } })
  @ApiServiceUnavailableResponse({ description: '某个依赖不可用 / a dependency is down' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const [database, queue] = await Promise.all([this.database.check(), this.jobs.health()]);
    const checks: ReadinessResponse['checks'] = { database: { status: database.up ? 'up' : 'down', latencyMs: database.latencyMs } };
    if (queue.configured) checks.redis = { status: queue.up ? 'up' : 'down', latencyMs: queue.latencyMs ?? 0 };
    const ready = database.up && (!queue.configured || queue.up);
    if (!ready) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    response.setHeader('Cache-Control', 'no-store');
    return { status: ready ? 'ready' : 'unavailable', checks };
  }
}
