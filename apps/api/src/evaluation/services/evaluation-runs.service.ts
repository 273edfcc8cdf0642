import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isInScope, Principal } from '../../core/auth/principal';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { JobQueue } from '../../core/queue/job-queue';
import { JobName } from '../../core/queue/queue.constants';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { StartEvaluationRunDto } from '../dto/start-evaluation-run.dto';

/** Starts a region's evaluation as a job (BullMQ with Redis, in-process without). */
@Injectable()
export class EvaluationRunsService {
  constructor(
    private readonly organizations: OrganizationTreeService,
    private readonly jobs: JobQueue,
  ) {}

  async start(principal: Principal, dto: StartEvaluationRunDto, correlationId: string | null): Promise<{ jobId: string }> {
    const organizationId = dto.organizationId ?? principal.organizationId;
    if (!organizationId) throw new AppException(ErrorCode.VALIDATION_FAILED, '请指定评价范围（organizationId）/ organizationId is required');
    const organization = await this.organizations.findById(organizationId);
    if (!organization || !isInScope(principal, organization.path)) {
      throw new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该机构，或不在您的管理范围内 / organization not found');
    }
    if (organization.kind === 'unit') {
      throw new AppException(ErrorCode.VALIDATION_FAILED, '评价范围须为财政局或部门 / choose a finance bureau or a department');
    }
    const jobId = `evaluation-${organization.id}-${dto.fiscalYear}-${randomUUID()}`;
    await this.jobs.enqueue(JobName.EvaluateRegion, { fiscalYear: dto.fiscalYear, organizationId: organization.id, actorId: principal.userId, correlationId }, jobId);
    return { jobId };
  }
}
