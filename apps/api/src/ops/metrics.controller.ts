import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AcceptsServiceToken, Roles } from '../core/auth/auth.decorators';
import { Metrics } from '../core/observability/metrics';
import { JobQueue } from '../core/queue/job-queue';

/**
 * Prometheus metrics (text format 0.0.4): for a 系统管理员's login or a scraper sending METRICS_TOKEN
 * as its bearer token. Request durations by route and status, jobs and their durations, queue depth.
 */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly jobs: JobQueue,
  ) {}

  @Get()
  @Roles('admin')
  @AcceptsServiceToken('METRICS_TOKEN')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiOperation({ operationId: 'getMetrics', summary: '运行指标（Prometheus 文本格式；系统管理员或 METRICS_TOKEN）/ Prometheus metrics' })
  async metricsText(): Promise<string> {
    return this.metrics.render(await this.jobs.depth());
  }
}
