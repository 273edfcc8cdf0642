import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { JobQueue } from '../core/queue/job-queue';
import type { JobStatus } from '../core/queue/queue.constants';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobQueue) {}

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getJob', summary: '后台任务进度 / state of a job you started' })
  async getJob(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<JobStatus> {
    const status = /^[\w.:-]{1,200}$/.test(id) ? await this.jobs.status(id) : null;
    if (!status || (status.actorId !== principal.userId && principal.role !== 'admin')) {
      throw new AppException(ErrorCode.JOB_NOT_FOUND, '找不到该任务，或不是您发起的 / job not found');
    }
    return status;
  }
}
