import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorActualResponse, SheetExecutionResponse } from '@jixiao/contracts';
import { secondRoundReasons, spentThrough, sumMoney } from '@jixiao/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { UserEntity } from '../../organizations/entities/user.entity';
import { organizationRef } from '../../organizations/entities/organization.entity';
import { implementingUnitRef, loadSheetInScope, ScopedSheet } from '../../target-sheets/services/sheet-scope';
import type { IndicatorActualEntity } from '../entities/indicator-actual.entity';
import { mayRecordExecution } from './execution-access';
import { loadExecutionData } from './execution-data';
import { periodLights, periodsWithData } from './sheet-lights';

/** 执行监控 of one sheet: spending by month, actuals by period, and the lights. */
@Injectable()
export class ExecutionReaderService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal, sheetId: string): Promise<SheetExecutionResponse> {
    const em = this.dataSource.manager;
    return this.read(em, principal, await loadSheetInScope(em, principal, sheetId));
  }

  /** The response for a sheet already checked against the caller's scope (also inside a write's transaction). */
  async read(em: EntityManager, principal: Principal, { sheet, project, department, owner }: ScopedSheet): Promise<SheetExecutionResponse> {
    const data = (await loadExecutionData(em, [sheet])).get(sheet.id)!;
    const names = await this.userNames(em, data.actuals);
    const lights = periodsWithData(data).map((period) => periodLights(data, period));
    const actuals: IndicatorActualResponse[] = data.actuals.map((a) => ({
      indicatorId: a.indicatorId,
      period: a.period,
      actual: a.actual,
      forecast: a.forecast === null ? null : Number(a.forecast),
      likelihood: a.likelihood,
      deviationCategory: a.deviationCategory,
      deviationReason: a.deviationReason,
      measures: a.measures,
      recordedAt: new Date(a.recordedAt).toISOString(),
      recordedBy: a.recordedBy ? (names.get(a.recordedBy) ?? null) : null,
    }));
    return {
      sheetId: sheet.id,
      kind: sheet.kind,
      status: sheet.status,
      fiscalYear: sheet.fiscalYear,
      department: organizationRef(department),
      project: project && {
        id: project.id,
        code: project.code,
        name: project.name,
        unit: implementingUnitRef({ department, owner }),
      },
      budget: data.budget,
      spent: sumMoney(data.expenditures.map((e) => e.amount)),
      spendingPlan: data.plan,
      expenditures: data.ownExpenditures ? await this.expenditureRows(em, sheet.projectId!) : data.expenditures.map((e) => ({ month: e.month, amount: e.amount, note: null })),
      indicators: data.indicators.map((i) => ({ id: i.id, order: i.position, level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, spec: i.spec })),
      actuals,
      lights,
      secondRound: lights.some((l) => l.period === 'M7') && data.actuals.some((a) => a.period === 'M7')
        ? secondRoundReasons({
            spentThroughJuly: spentThrough(data.expenditures, 7),
            indicators: lights.find((l) => l.period === 'M7')!.indicators.map((l) => ({ name: data.indicators.find((i) => i.id === l.indicatorId)!.name, pace: l.pace })),
          })
        : [],
      editable: mayRecordExecution(principal.role, sheet.status),
    };
  }

  private async expenditureRows(em: EntityManager, projectId: string) {
    const rows: { month: number; amount: string; note: string | null }[] = await em.query(
      'SELECT month, amount::text AS amount, note FROM expenditures WHERE project_id = $1 ORDER BY month',
      [projectId],
    );
    return rows.map((r) => ({ month: Number(r.month), amount: r.amount, note: r.note }));
  }

  private async userNames(em: EntityManager, actuals: readonly IndicatorActualEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(actuals.flatMap((a) => (a.recordedBy ? [a.recordedBy] : [])))];
    if (ids.length === 0) return new Map();
    const users = await em.find(UserEntity, { where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
