import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluationRunResult } from '@jixiao/contracts';
import { DataSource, In } from 'typeorm';
import { isInScope } from '../core/auth/principal';
import { AppException } from '../core/errors/error-codes';
import { JobHandlerRegistry } from '../core/queue/job-handlers';
import { JobName, JobOf } from '../core/queue/queue.constants';
import { effectiveSheetIds } from '../execution/services/effective-sheets';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { PrincipalService } from '../organizations/services/principal.service';
import { TargetSheetEntity } from '../target-sheets/entities/target-sheet.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: JobHandlerRegistry,
    private readonly principals: PrincipalService,
    private readonly evaluator: SheetEvaluator,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.EvaluateRegion, (payload, progress) => this.run(payload, progress));
  }

  async run(payload: JobOf<JobName.EvaluateRegion>, progress: (percent: number) => Promise<void>): Promise<EvaluationRunResult> {
    const actor = await this.principals.load(payload.actorId);
    if (!actor) throw new AppException('ROLE_FORBIDDEN', '发起任务的用户已不存在 / the job actor no longer exists');
    const organization = await this.dataSource.manager.findOneBy(OrganizationEntity, { id: payload.organizationId });
    if (!organization || !isInScope(actor.principal, organization.path)) {
      throw new AppException('ORGANIZATION_NOT_FOUND', '找不到该机构，或不在您的管理范围内 / organization not found');
    }
    const ids = await effectiveSheetIds(this.dataSource.manager, payload.fiscalYear, organization.path);
    const skipped = await this.countNotApproved(payload.fiscalYear, organization.path);
    const batchSize = Math.max(1, payload.batchSize ?? DEFAULT_EVALUATION_BATCH);
    const result: EvaluationRunResult = { evaluated: 0, blocked: [], skipped };
    await progress(1);
    for (let start = 0; start < ids.length; start += batchSize) {
      const batchIds = ids.slice(start, start + batchSize);
      const batch = await this.dataSource.transaction(async (em) => {
        const sheets = await em.find(TargetSheetEntity, { where: { id: In(batchIds) } });
        return this.evaluator.evaluate(em, sheets);
      });
      result.evaluated += batch.evaluated.length;
      result.blocked.push(...batch.blocked);
      await progress(Math.max(1, Math.floor(((start + batchIds.length) / ids.length) * 100)));
    }
    this.logger.log(`region ${organization.name} ${payload.fiscalYear}: ${result.evaluated} evaluated, ${result.blocked.length} blocked, ${skipped} not approved`);
    return result;
  }

  /** Current sheets of the region that are not approved (nothing in effect to evaluate). */
  private async countNotApproved(fiscalYear: number, path: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n
         FROM target_sheets s LEFT JOIN projects p ON p.id = s.project_id
         JOIN organizations owner ON owner.id = coalesce(p.unit_id, s.department_id)
        WHERE s.fiscal_year = $1 AND s.is_current AND s.status <> 'approved' AND s.version = 1 AND owner.path LIKE $2 || '%'`,
      [fiscalYear, path],
    )) as { n: number }[];
    return row?.n ?? 0;
  }
}
