import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EvaluationRunResult } from '@jixiao/contracts';
import { isInScope } from '../core/auth/principal';
import { isTransientDatabaseError } from '../core/database/database-errors';
import { Transactions } from '../core/database/transactions';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { JobHandlerRegistry } from '../core/queue/job-handlers';
import { JobName, JobOf } from '../core/queue/queue.constants';
import { OrganizationTreeService } from '../organizations/services/organization-tree.service';
import { PrincipalService } from '../organizations/services/principal.service';
import { SheetDataService } from '../target-sheets/services/sheet-data.service';
import { evaluationBusy } from './services/evaluation-busy';
import { EvaluatedBatch, SheetEvaluator } from './services/sheet-evaluator';

export const DEFAULT_EVALUATION_BATCH = 500;

/**
 * The `evaluation.region` job: evaluates every sheet in effect of a region (a finance bureau's or a
 * department's subtree) batch by batch. Each batch is one transaction (a sheet's evaluation and all
 * its indicator scores land together or not at all), so a killed worker leaves whole evaluations only;
 * a retry evaluates everything again and replaces them (idempotent). A sheet whose evaluation fails
 * (any error but the database's passing trouble) does not stop the run: it is reported as blocked with
 * its reason and name, and the rest of its batch lands. Progress is the share of sheets done.
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
      const batch = await this.evaluateBatch(batchIds);
      result.evaluated += batch.evaluated.length;
      result.blocked.push(...batch.blocked);
      await progress(Math.max(1, Math.floor(((start + batchIds.length) / ids.length) * 100)));
    }
    for (const b of result.blocked) {
      const failure = b.errors.find((e) => e.code === 'EVALUATION_FAILED');
      if (failure) this.logger.warn(`region ${organization.name} ${payload.fiscalYear}: sheet ${b.sheetId} 「${b.name}」 blocked: ${failure.message}`);
    }
    this.logger.log(`region ${organization.name} ${payload.fiscalYear}: ${result.evaluated} evaluated, ${result.blocked.length} blocked, ${skipped} not approved`);
    return result;
  }

  /**
   * One batch in one transaction. If it fails for a reason of its data (not the database's passing
   * trouble, which fails the job to be retried), each of its sheets is evaluated again in a
   * transaction of its own: the sheet that fails is reported as blocked with its reason, the others land.
   */
  private async evaluateBatch(ids: readonly string[]): Promise<EvaluatedBatch> {
    try {
      return await this.evaluateSheets(ids);
    } catch (error) {
      if (failsTheJob(error)) throw error;
      if (ids.length === 1) return { evaluated: [], blocked: [await this.blockedEntry(ids[0]!, error)] };
    }
    const batch: EvaluatedBatch = { evaluated: [], blocked: [] };
    for (const id of ids) {
      try {
        const one = await this.evaluateSheets([id]);
        batch.evaluated.push(...one.evaluated);
        batch.blocked.push(...one.blocked);
      } catch (error) {
        if (failsTheJob(error)) throw error;
        batch.blocked.push(await this.blockedEntry(id, error));
      }
    }
    return batch;
  }

  /**
   * The sheets locked first, in id order (as one sheet's evaluation locks its sheet first); a deadlock
   * or serialization failure all the same is tried once more, then fails the job (a retry replaces it).
   */
  private evaluateSheets(ids: readonly string[]): Promise<EvaluatedBatch> {
    return this.transactions.runRetrying(
      async (tx) => this.evaluator.evaluate(tx, await this.sheetData.lockedSheetsByIds(tx, [...ids])),
      () => evaluationBusy(),
    );
  }

  /** A sheet whose evaluation failed: named, with the reason (the Chinese of an AppException, else the error's own words). */
  private async blockedEntry(sheetId: string, error: unknown): Promise<EvaluatedBatch['blocked'][number]> {
    this.logger.error(`evaluation of sheet ${sheetId} failed`, error instanceof Error ? error.stack : String(error));
    const names = await this.transactions.run((tx) => this.sheetData.sheetNames([sheetId], tx));
    const reason = error instanceof AppException ? error.userMessage : `系统错误：${(error instanceof Error ? error.message : String(error)).slice(0, 300)}`;
    return {
      sheetId,
      name: names.get(sheetId) ?? '',
      errors: [{ code: 'EVALUATION_FAILED', message: `该目标表的评价未能完成，已跳过（${reason}）；其余目标表照常评价`, indicatorId: null }],
    };
  }
}

/** The database's passing trouble (or a lock still contended after the retry): the job fails and is retried, no sheet is blocked for it. */
function failsTheJob(error: unknown): boolean {
  return isTransientDatabaseError(error) || (error instanceof AppException && error.code === ErrorCode.EVALUATION_BUSY);
}
