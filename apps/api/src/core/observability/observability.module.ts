import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** Metrics for every module (the HTTP middleware in bootstrap, the job registry, GET /api/metrics). */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class ObservabilityModule {}
