import { Injectable } from '@nestjs/common';
import type { FindingAcknowledgementRequest, TargetSheetResponse } from '@jixiao/contracts';
import type { Period, SheetAction } from '@jixiao/domain';
import type { Principal } from '../core/auth/principal';
import { Clock } from '../core/clock/clock';
import type { Tx } from '../core/database/persistence';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { BasicSpendingRecorderService } from '../execution/services/basic-spending-recorder.service';
import { ExecutionRecorderService } from '../execution/services/execution-recorder.service';
import { YearCalendarService } from '../fiscal-years/services/year-calendar.service';
import { SchemeEditingService } from '../scoring-schemes/services/scheme-editing.service';
import { RollOverService } from '../target-sheets/services/roll-over.service';
import { SheetDataService } from '../target-sheets/services/sheet-data.service';
import { SheetReaderService } from '../target-sheets/services/sheet-reader.service';
import { SheetWorkflowService } from '../target-sheets/services/sheet-workflow.service';
import type { DemoCast, DemoRegionCast } from './demo-cast';
import { centsToMoney, DEMO_PERIODS, demoPace, demoRecord, demoSheetState, DemoSheetState, monthlySpendingCents, moneyToCents } from './demo-story-plan';
import { demoWindows } from './demo-windows';

/** The reason a demo author writes for a finding the review asked to fix (需修改), as users must to submit. */
const ACKNOWLEDGEMENT = '已对照年初预算批复核实，该指标按批复原文填报，年终据实评价。';
const RETURN_COMMENT = '部分指标值未量化，请按批复口径补充后重新提交。';
const SHENQIU_NOTE = '本部门整体目标含“投入管理指标”，本地评分方案尚未设置该分组，提请财政在年终前配置评分方案。';

/**
 * Plays the demo year (issue 9 item 9) through the product's own services, as its people would: each
 * sheet submitted (acknowledging its review findings in writing), reviewed, approved or returned;
 * spending by month and actuals for every monitoring round through 1–9月 on the approved sheets; each
 * department's basic spending; 许昌's finance bureau configures the department-wide scoring scheme;
 * the admin opens next year and a unit per region starts its sheet from this year's. Every action runs
 * inside the loader's transaction (Transactions.asOne), so the story lands whole or not at all.
 */
@Injectable()
export class DemoStoryService {
  constructor(
    private readonly sheetData: SheetDataService,
    private readonly reader: SheetReaderService,
    private readonly workflow: SheetWorkflowService,
    private readonly recorder: ExecutionRecorderService,
    private readonly basicSpending: BasicSpendingRecorderService,
    private readonly calendar: YearCalendarService,
    private readonly schemes: SchemeEditingService,
    private readonly rollOver: RollOverService,
    private readonly clock: Clock,
  ) {}

  /** Answers a one-line summary of what happened, for the log. */
  async play(tx: Tx, cast: DemoCast, year: number): Promise<string> {
    const counts: Record<DemoSheetState, number> = { approved: 0, department_approved: 0, submitted: 0, returned: 0, draft: 0 };
    const approved: { sheet: TargetSheetResponse; recorder: Principal; region: DemoRegionCast }[] = [];
    let projectPosition = 0;
    for (const [departmentPosition, region] of cast.regions.entries()) {
      // 许昌 scores its department-wide sheet with the preset that knows 投入管理指标; 沈丘 has not yet.
      if (region.region === 'xuchang') {
        await this.schemes.update(region.finance, region.bureauId, year, 'department', { baseVersion: null, preset: 'department_wide' }, null);
      }
      for (const entry of await this.sheetData.currentSheetsOfDepartment(region.departmentId, year, tx)) {
        const kind = entry.kind;
        const state = demoSheetState(kind === 'department' ? departmentPosition : projectPosition++, kind);
        const author = kind === 'department' ? region.reviewer : region.editors.get(entry.unitId ?? '') ?? cast.admin;
        const sheet = await this.walk(tx, entry.id, state, author, region);
        counts[state] += 1;
        if (state === 'approved') approved.push({ sheet, recorder: author, region });
      }
    }
    for (const [position, { sheet, recorder, region }] of approved.entries()) {
      await this.recordYearToDate(sheet, recorder, demoPace(position), year);
      if (sheet.kind === 'department') await this.recordBasicSpending(sheet, region, year);
    }
    const rolledOver = await this.openNextYear(cast, approved, year);
    return `${counts.approved} approved, ${counts.department_approved + counts.submitted} in review, ${counts.returned} returned, ${counts.draft} drafts; ${rolledOver} rolled over to ${year + 1}`;
  }

  /** Takes a sheet from draft to `state`, each step by the role whose step it is. */
  private async walk(tx: Tx, sheetId: string, state: DemoSheetState, author: Principal, region: DemoRegionCast): Promise<TargetSheetResponse> {
    let sheet = await this.reader.readInScope(tx, author, sheetId);
    if (state === 'draft') return sheet;
    sheet = await this.submit(author, sheet, region.region === 'shenqiu' && sheet.kind === 'department' ? SHENQIU_NOTE : ACKNOWLEDGEMENT);
    if (state === 'submitted') return sheet;
    if (state === 'returned') return this.act(region.reviewer, sheet, 'return', RETURN_COMMENT);
    sheet = await this.act(region.reviewer, sheet, 'department_approve');
    if (state === 'department_approved') return sheet;
    return this.act(region.finance, sheet, 'approve');
  }

  /** 提交 as a user does: the review answers with the findings to acknowledge; each gets a written reason. */
  private async submit(author: Principal, sheet: TargetSheetResponse, reason: string): Promise<TargetSheetResponse> {
    try {
      return await this.workflow.transition(author, sheet.id, { action: 'submit', rowVersion: sheet.rowVersion }, null);
    } catch (error) {
      if (!(error instanceof AppException) || error.code !== ErrorCode.FINDINGS_NOT_ACKNOWLEDGED) throw error;
      const { unacknowledged } = error.details as { unacknowledged: (FindingAcknowledgementRequest & { occurrence: number })[] };
      const acknowledgements = unacknowledged.map(({ code, indicatorIndex, occurrence }) => ({ code, indicatorIndex, occurrence, reason }));
      return this.workflow.transition(author, sheet.id, { action: 'submit', rowVersion: sheet.rowVersion, acknowledgements }, null);
    }
  }

  private act(actor: Principal, sheet: TargetSheetResponse, action: SheetAction, comment?: string): Promise<TargetSheetResponse> {
    return this.workflow.transition(actor, sheet.id, { action, rowVersion: sheet.rowVersion, comment }, null);
  }

  /** Spending by month through September and every monitoring round's actuals through 1–9月. */
  private async recordYearToDate(sheet: TargetSheetResponse, recorder: Principal, pace: ReturnType<typeof demoPace>, year: number): Promise<void> {
    const budget = sheet.kind === 'project' ? sheet.project?.amount.total ?? null : sheet.budget?.project ?? null;
    if (budget !== null && sheet.kind === 'project') {
      const expenditures = monthlySpendingCents(moneyToCents(budget), pace).map(({ month, cents }) => ({ month, amount: centsToMoney(cents) }));
      await this.recorder.updateExpenditures(recorder, sheet.id, { expenditures }, null);
    }
    for (const period of DEMO_PERIODS) {
      const actuals = sheet.indicators.map((indicator, position) => {
        const record = demoRecord(indicator.spec, period as Period, pace, year, position);
        return {
          indicatorId: indicator.id, ...record,
          deviationCategory: record.likelihood === 'possible' ? ('staffing' as const) : null,
          deviationReason: record.likelihood === 'possible' ? '经办人员调整，工作进度滞后于计划。' : null,
          measures: record.likelihood === 'possible' ? '四季度增派人员集中推进，按月调度。' : null,
        };
      });
      await this.recorder.updateActuals(recorder, sheet.id, period, { actuals }, null);
    }
  }

  /** 基本支出 by month through September, on plan: the department's execution rate covers its whole budget. */
  private async recordBasicSpending(sheet: TargetSheetResponse, region: DemoRegionCast, year: number): Promise<void> {
    const basic = sheet.budget?.basic ?? null;
    if (basic === null) return;
    const expenditures = monthlySpendingCents(moneyToCents(basic), 'on_plan').map(({ month, cents }) => ({ month, amount: centsToMoney(cents) }));
    await this.basicSpending.update(region.reviewer, region.departmentId, year, { expenditures }, null);
  }

  /** The admin opens next year; in each region the first approved project starts next year's sheet from this one. */
  private async openNextYear(cast: DemoCast, approved: readonly { sheet: TargetSheetResponse; recorder: Principal; region: DemoRegionCast }[], year: number): Promise<number> {
    await this.calendar.open(cast.admin, { year: year + 1, windows: demoWindows(year + 1, this.clock.today()) }, null);
    let rolledOver = 0;
    for (const region of cast.regions) {
      const first = approved.find((a) => a.region === region && a.sheet.kind === 'project');
      if (!first) continue;
      await this.rollOver.rollOver(first.recorder, first.sheet.id, { fiscalYear: year + 1 }, null);
      rolledOver += 1;
    }
    return rolledOver;
  }
}
