import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/** Operations: health probes (/api/health/live, /api/health/ready) and Prometheus metrics (/api/metrics). */
@Module({ controllers: [HealthController, MetricsController] })
export class OpsModule {}
