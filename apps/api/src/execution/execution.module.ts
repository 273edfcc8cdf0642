import { Module } from '@nestjs/common';
import { ExecutionController } from './execution.controller';
import { ExecutionReaderService } from './services/execution-reader.service';
import { ExecutionRecorderService } from './services/execution-recorder.service';
import { MonitoringOverviewService } from './services/monitoring-overview.service';

/** 执行监控: monthly spending, actuals per period, monitoring lights and their roll-ups. */
@Module({
  controllers: [ExecutionController],
  providers: [ExecutionReaderService, ExecutionRecorderService, MonitoringOverviewService],
  exports: [ExecutionReaderService],
})
export class ExecutionModule {}
