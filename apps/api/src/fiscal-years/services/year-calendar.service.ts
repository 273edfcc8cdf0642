import { Injectable } from '@nestjs/common';
import type { FiscalYearCalendarResponse, MonitoringReopeningResponse } from '@jixiao/contracts';
import { checkMonitoringWindows, defaultMonitoringWindows, MonitoringWindow, Period, PERIOD_LABELS, PERIODS, readIsoDate } from '@jixiao/domain';
import { AuditService } from '../../audit/audit.service';
import { isInScope, Principal } from '../../core/auth/principal';
import { Clock } from '../../core/clock/clock';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { OpenFiscalYearDto, ReopenWindowDto, UpdateMonitoringWindowsDto } from '../dto/fiscal-year-windows.dto';
import { FiscalYearService } from '../fiscal-year.service';
import { FiscalYearRepository } from '../persistence/fiscal-year.repository';
import { MonitoringWindowsService, notOpened } from './monitoring-windows.service';

/**
 * 预算年度与填报时间: opening a year with its monitoring windows and editing them (the admin: the
 * windows hold for every region), and reopening a closed round for one organization (finance of its
 * region, or the admin). One transaction each, audited.
 */
@Injectable()
export class YearCalendarService {
  constructor(
    private readonly transactions: Transactions,
    private readonly years: FiscalYearRepository,
    private readonly fiscalYears: FiscalYearService,
    private readonly windows: MonitoringWindowsService,
    private readonly organizations: OrganizationTreeService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** 开启预算年度: 409 FISCAL_YEAR_EXISTS when it is open already. */
  async open(principal: Principal, dto: OpenFiscalYearDto, correlationId: string | null): Promise<FiscalYearCalendarResponse> {
    const windows = dto.windows ?? defaultMonitoringWindows(dto.year);
    this.check(dto.year, windows);
    return this.transactions.run(async (tx) => {
      await this.years.lockYear(tx, dto.year);
      if (await this.years.exists(dto.year, tx)) throw new AppException(ErrorCode.FISCAL_YEAR_EXISTS, `${dto.year} 年度已经开启，如需调整请修改填报时间`);
      await this.fiscalYears.ensure(tx, dto.year);
      await this.years.savePeriods(tx, windows.map((w) => ({ fiscalYear: dto.year, ...w })));
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'fiscal_year.open', entityType: 'fiscal_year', entityId: null,
        after: { year: dto.year, windows: windows.map(plain) }, correlationId,
      });
      return this.windows.describe(principal, dto.year, tx);
    });
  }

  /** 修改填报时间 of every round; reopenings stay. */
  async updateWindows(principal: Principal, year: number, dto: UpdateMonitoringWindowsDto, correlationId: string | null): Promise<FiscalYearCalendarResponse> {
    this.check(year, dto.windows);
    return this.transactions.run(async (tx) => {
      await this.years.lockYear(tx, year);
      if (!(await this.years.exists(year, tx))) throw notOpened(year);
      const before = await this.years.periodsOf([year], tx);
      await this.years.savePeriods(tx, dto.windows.map((w) => ({ fiscalYear: year, ...plain(w) })));
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'fiscal_year.windows', entityType: 'fiscal_year', entityId: null,
        before: { year, windows: before.map((p) => plain({ period: p.period as Period, opensOn: p.opensOn, closesOn: p.closesOn })) },
        after: { year, windows: dto.windows.map(plain) },
        correlationId,
      });
      return this.windows.describe(principal, year, tx);
    });
  }

  /** 重新开放填报 of one round for an organization in the caller's subtree (and everything under it), until a date. */
  async reopen(principal: Principal, year: number, periodText: string, dto: ReopenWindowDto, correlationId: string | null): Promise<MonitoringReopeningResponse> {
    const period = periodText as Period;
    if (!PERIODS.includes(period)) throw new AppException(ErrorCode.VALIDATION_FAILED, `监控期“${periodText}”不存在，应为 Q1、Q2、Q3、Q4、M7、M9 或 Y`);
    const reason = dto.reason.trim();
    if ([...reason].length < 2 || [...reason].length > 500) throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明重新开放的理由（2–500 个字）');
    const today = this.clock.today();
    if (readIsoDate(dto.until) === null) throw new AppException(ErrorCode.VALIDATION_FAILED, `重新开放截止日期“${dto.until}”不是有效日期`);
    if (dto.until < today) throw new AppException(ErrorCode.VALIDATION_FAILED, `重新开放截止日期 ${dto.until} 早于今天（${today}）`);
    if (dto.until > `${year + 10}-12-31`) throw new AppException(ErrorCode.VALIDATION_FAILED, `重新开放截止日期 ${dto.until} 太晚，最晚为 ${year + 10}-12-31`);
    return this.transactions.run(async (tx) => {
      const organization = await this.organizations.findById(dto.organizationId, tx);
      if (organization === null || !isInScope(principal, organization.path)) {
        throw new AppException(ErrorCode.ORGANIZATION_NOT_FOUND, '找不到该单位，或不在您的管辖范围内');
      }
      if (!(await this.years.exists(year, tx))) throw notOpened(year);
      const [before] = await this.years.reopeningsOf([year], { period, organizationIds: [organization.id] }, tx);
      await this.years.saveReopening(tx, { fiscalYear: year, period, organizationId: organization.id, until: dto.until, reason, reopenedBy: principal.userId });
      await this.audit.record(tx, {
        actorId: principal.userId, action: 'monitoring.reopen', entityType: 'organization', entityId: organization.id,
        before: before ? { year, period, until: before.until, reason: before.reason } : null,
        after: { year, period, periodLabel: PERIOD_LABELS[period], organization: organization.name, until: dto.until, reason },
        correlationId,
      });
      const [stored] = await this.years.reopeningsOf([year], { period, organizationIds: [organization.id] }, tx);
      return this.windows.reopeningResponse(stored!, organization, today);
    });
  }

  /** Sets a year's windows in the caller's transaction, without an actor (the demo data's year). */
  async setWindows(tx: Tx, year: number, windows: readonly MonitoringWindow[]): Promise<void> {
    await this.years.savePeriods(tx, windows.map((w) => ({ fiscalYear: year, ...plain(w) })));
  }

  /** 409 FISCAL_YEAR_NOT_OPEN unless the year was opened (a project or a roll-over goes into an opened year only). */
  async assertOpen(tx: Tx, year: number): Promise<void> {
    if (!(await this.years.exists(year, tx))) {
      throw new AppException(ErrorCode.FISCAL_YEAR_NOT_OPEN, `${year} 年度尚未开启，请系统管理员先在「预算年度与填报时间」中开启该年度`);
    }
  }

  private check(year: number, windows: readonly MonitoringWindow[]): void {
    const problem = checkMonitoringWindows(year, windows);
    if (problem !== null) throw new AppException(ErrorCode.VALIDATION_FAILED, `填报时间有误：${problem}`);
  }
}

function plain(w: MonitoringWindow): MonitoringWindow {
  return { period: w.period, opensOn: w.opensOn, closesOn: w.closesOn };
}
