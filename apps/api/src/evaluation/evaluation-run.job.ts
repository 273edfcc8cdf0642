import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EvaluationRunResult } from '@jixiao/contracts';
import { isInScope } from '../core/auth/principal';
import { Transactions } from '../core/database/transactions';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { JobHandlerRegistry } from '../core/queue/job-handlers';
import { JobName, JobOf } from '../core/queue/queue.constants';
import { OrganizationTreeService } from '../organizations/services/organization-tree.service';
import { PrincipalService } from '../organizations/services/principal.service';
import { SheetDataService } from '../target-sheets/services/sheet-data.service';
import { evaluationBusy } from './services/evaluation-busy';
import { SheetEvaluator } from './services/sheet-evaluator';

export const DEFAULT_EVALUATION_BATCH = 500;

/**
 * The `evaluation.region` job: evaluates every sheet in effect of a region (a finance bureau's or a
 * department's subtree) batch by batch. Each batch is one transaction (a sheet's evaluation and all
 * its indicator scores land together or not at all), so a killed worker leaves whole evaluations only;
 * a retry evaluates everything again and replaces them (idempotent). Progress is the share of sheets done.
 */
@Injectable()
export class EvaluationRunJob implements OnModuleInit {
  private readonly logger = new Logger(EvaluationRunJob.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly handlers: JobHandlerRegistry,
    private readonly principals: PrincipalService,
    private readonly organizations: OrganizationTreeService,
    private readonly sheetData: SheetDataService,
    private readonly evaluator: SheetEvaluator,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.EvaluateRegion, (payload, progress) => this.run(payload, progress));
  }

  async run(payload: JobOf<JobName.EvaluateRegion>, progress: (percent: number) => Promise<void>): Promise<EvaluationRunResult> {
    const actor = await this.principals.load(payload.actorId);
    if (!actor) throw new AppException(ErrorCode.ROLE_FORBIDDEN, '发起任务的用户已不存在 / the job actor no longer exists');
    const organization = await this.organizations.findById(payload.organizationId);
    if (!organization || !isInScope(actor.principal, organization.path)) {
      throw new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该机构，或不在您的管理范围内 / organization not found');
    }
    const ids = await this.sheetData.effectiveSheetIds(payload.fiscalYear, organization.path);
    const skipped = await this.sheetData.countNotApproved(payload.fiscalYear, organization.path);
    const batchSize = Math.max(1, payload.batchSize ?? DEFAULT_EVALUATION_BATCH);
    const result: EvaluationRunResult = { evaluated: 0, blocked: [], skipped };
    await progress(1);
    for (let start = 0; start < ids.length; start += batchSize) {
      const batchIds = ids.slice(start, start + batchSize);
      // sheets locked first, in id order (as one sheet's evaluation locks its sheet first); a deadlock
      // or serialization failure all the same is tried once more, then fails the job (a retry replaces it)
      const batch = await this.transactions.runRetrying(
        async (tx) => this.evaluator.evaluate(tx, await this.sheetData.lockedSheetsByIds(tx, batchIds)),
        () => evaluationBusy(),
      );
      result.evaluated += batch.evaluated.length;
      result.blocked.push(...batch.blocked);
      await progress(Math.max(1, Math.floor(((start + batchIds.length) / ids.length) * 100)));
    }
    this.logger.log(`region ${organization.name} ${payload.fiscalYear}: ${result.evaluated} evaluated, ${result.blocked.length} blocked, ${skipped} not approved`);
    return result;
  }
}
