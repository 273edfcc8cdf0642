import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EvaluationRunResult } from '@jixiao/contracts';
import { isInScope } from '../core/auth/principal';
import { isTransientDatabaseError } from '../core/database/database-errors';
import { Transactions } from '../core/database/transactions';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { FanOutPlan, JobHandlerRegistry } from '../core/queue/job-handlers';
import { JobName, JobOf } from '../core/queue/queue.constants';
import { OrganizationTreeService } from '../organizations/services/organization-tree.service';
import { PrincipalService } from '../organizations/services/principal.service';
import { SheetDataService } from '../target-sheets/services/sheet-data.service';
import { evaluationBusy } from './services/evaluation-busy';
import { EvaluatedBatch, SheetEvaluator } from './services/sheet-evaluator';

export const DEFAULT_EVALUATION_BATCH = 500;

/** What one batch job (`evaluation.batch`) returns: counts and the blocked sheets, not the sheet ids. */
export interface BatchResult {
  evaluated: number;
  blocked: EvaluationRunResult['blocked'];
}

/** What the region job's first step hands to its last (JSON in the job's data). */
interface RegionPlan {
  skipped: number;
  region: string; // the organization's name, for the log
}

/**
 * The `evaluation.region` job: evaluates every sheet in effect of a region (a finance bureau's or a
 * department's subtree). It fans out (core/queue FanOutHandler): step 1 checks the actor, computes
 * the sheet ids and makes one `evaluation.batch` child job per batch of 500, which any worker takes
 * (with Redis; without, they run here in sequence); the last step sums the batches' results into the
 * EvaluationRunResult. Progress is the share of sheets in batches done. Each batch is one
 * transaction (a sheet's evaluation and all its indicator scores land together or not at all), so a
 * killed worker leaves whole evaluations only; a batch retried evaluates its own sheets again and
 * replaces their evaluations only (idempotent). A sheet whose evaluation fails (any error but the
 * database's passing trouble) does not stop the run: it is reported as blocked with its reason and
 * name, and the rest of its batch lands. A batch that still fails after its retries fails the job.
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
    this.handlers.registerFanOut(JobName.EvaluateRegion, {
      plan: (payload) => this.plan(payload),
      join: (payload, plan: RegionPlan, batches: BatchResult[]) => Promise.resolve(this.join(payload, plan, batches)),
    });
    this.handlers.register(JobName.EvaluateBatch, (payload) => this.runBatch(payload));
  }

  /** The whole region in this process, batch after batch (as without Redis): tests and tools. */
  async run(payload: JobOf<JobName.EvaluateRegion>, progress: (percent: number) => Promise<void>): Promise<EvaluationRunResult> {
    return (await this.handlers.runInProcess(JobName.EvaluateRegion, payload, progress)) as EvaluationRunResult;
  }

  /** Step 1: who may, which sheets, in batches. */
  async plan(payload: JobOf<JobName.EvaluateRegion>): Promise<FanOutPlan<JobName.EvaluateBatch, RegionPlan>> {
    const actor = await this.principals.load(payload.actorId);
    if (!actor) throw new AppException(ErrorCode.ROLE_FORBIDDEN, '发起任务的用户已不存在 / the job actor no longer exists');
    const organization = await this.organizations.findById(payload.organizationId);
    if (!organization || !isInScope(actor.principal, organization.path)) {
      throw new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该机构，或不在您的管理范围内 / organization not found');
    }
    const ids = await this.sheetData.effectiveSheetIds(payload.fiscalYear, organization.path);
    const skipped = await this.sheetData.countNotApproved(payload.fiscalYear, organization.path);
    const batchSize = Math.max(1, payload.batchSize ?? DEFAULT_EVALUATION_BATCH);
    const children: FanOutPlan<JobName.EvaluateBatch, RegionPlan>['children'] = [];
    for (let start = 0; start < ids.length; start += batchSize) {
      const sheetIds = ids.slice(start, start + batchSize);
      children.push({ payload: { sheetIds, actorId: payload.actorId, correlationId: payload.correlationId }, weight: sheetIds.length });
    }
    return { child: JobName.EvaluateBatch, children, state: { skipped, region: `${organization.name} ${payload.fiscalYear}` } };
  }

  /** Last step: the batches' results summed, in batch order. */
  join(payload: JobOf<JobName.EvaluateRegion>, plan: RegionPlan, batches: readonly BatchResult[]): EvaluationRunResult {
    const result: EvaluationRunResult = { evaluated: 0, blocked: [], skipped: plan.skipped };
    for (const batch of batches) {
      result.evaluated += batch.evaluated;
      result.blocked.push(...batch.blocked);
    }
    for (const b of result.blocked) {
      const failure = b.errors.find((e) => e.code === 'EVALUATION_FAILED');
      if (failure) this.logger.warn(`region ${plan.region}: sheet ${b.sheetId} 「${b.name}」 blocked: ${failure.message}`);
    }
    this.logger.log(`region ${plan.region}: ${result.evaluated} evaluated, ${result.blocked.length} blocked, ${plan.skipped} not approved`);
    return result;
  }

  /** One `evaluation.batch` job: its sheets only (a retry replaces their evaluations, no others). */
  async runBatch(payload: JobOf<JobName.EvaluateBatch>): Promise<BatchResult> {
    const batch = await this.evaluateBatch(payload.sheetIds);
    return { evaluated: batch.evaluated.length, blocked: batch.blocked };
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
      async (tx) => {
        await this.sheetData.lockSheets(tx, ids);
        return this.evaluator.evaluate(tx, ids);
      },
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
