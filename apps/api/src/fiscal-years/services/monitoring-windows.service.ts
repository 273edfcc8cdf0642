import { Injectable } from '@nestjs/common';
import type { FiscalYearCalendarResponse, MonitoringReopeningResponse, MonitoringWindowResponse } from '@jixiao/contracts';
import {
  monthRecordingProblem,
  Period,
  PERIOD_LABELS,
  periodRecordingProblem,
  PERIODS_IN_YEAR_ORDER,
  WindowForOrganization,
  windowState,
} from '@jixiao/domain';
import { isInScope, Principal } from '../../core/auth/principal';
import { Clock } from '../../core/clock/clock';
import type { Tx } from '../../core/database/persistence';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { organizationRef } from '../../organizations/organization-ref';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { MonitoringPeriodEntity } from '../entities/monitoring-period.entity';
import { FiscalYearRepository, StoredReopening } from '../persistence/fiscal-year.repository';

/** The ids of an organization and its ancestors, read from its materialised path ('/<root>/…/<own>/'). */
export function pathIds(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/**
 * 填报时间 for the other contexts: the opened years with their windows, and whether a round accepts
 * records for an organization today (its window is open, or finance reopened it for the organization
 * or one above it). Execution asks before every record of actuals or spending.
 */
@Injectable()
export class MonitoringWindowsService {
  constructor(
    private readonly years: FiscalYearRepository,
    private readonly organizations: OrganizationTreeService,
    private readonly clock: Clock,
  ) {}

  /** Every opened year, newest first, with its windows and the reopenings of organizations in the caller's subtree. */
  async list(principal: Principal): Promise<FiscalYearCalendarResponse[]> {
    const today = this.clock.today();
    const years = await this.years.allYears();
    const periods = await this.years.periodsOf(years);
    const reopenings = await this.visibleReopenings(principal, await this.years.reopeningsOf(years));
    return years.map((year) => ({ year, today, windows: this.windowsOfYear(year, periods, reopenings, today) }));
  }

  /** One year as `list` shows it; 404 when it was never opened. */
  async describe(principal: Principal, year: number, tx?: Tx): Promise<FiscalYearCalendarResponse> {
    if (!(await this.years.exists(year, tx))) throw notOpened(year);
    const today = this.clock.today();
    const periods = await this.years.periodsOf([year], tx);
    const reopenings = await this.visibleReopenings(principal, await this.years.reopeningsOf([year], {}, tx), tx);
    return { year, today, windows: this.windowsOfYear(year, periods, reopenings, today) };
  }

  /** The rounds of a year as they apply to the organization at `ownerPath` (reopenings of it or above it count). */
  async windowsFor(fiscalYear: number, ownerPath: string, tx?: Tx): Promise<WindowForOrganization[]> {
    const periods = await this.years.periodsOf([fiscalYear], tx);
    const reopenings = await this.years.reopeningsOf([fiscalYear], { organizationIds: pathIds(ownerPath) }, tx);
    return periods.map((p) => {
      const untils = reopenings.filter((r) => r.period === p.period).map((r) => r.until).sort();
      return { period: p.period as Period, opensOn: p.opensOn, closesOn: p.closesOn, reopenedUntil: untils[untils.length - 1] ?? null };
    });
  }

  /** 409 MONITORING_WINDOW_CLOSED naming the window, unless the round accepts actuals of the organization today. */
  async assertPeriodOpen(tx: Tx, fiscalYear: number, period: Period, ownerPath: string): Promise<void> {
    const windows = await this.windowsFor(fiscalYear, ownerPath, tx);
    const problem = periodRecordingProblem(windows.find((w) => w.period === period), this.clock.today());
    if (problem !== null) throw new AppException(ErrorCode.MONITORING_WINDOW_CLOSED, problem, { period, window: windows.find((w) => w.period === period) });
  }

  /** The same for monthly spending: each changed month must be reported by a round that accepts records today. */
  async assertMonthsOpen(tx: Tx, fiscalYear: number, months: readonly number[], ownerPath: string): Promise<void> {
    if (months.length === 0) return;
    const windows = await this.windowsFor(fiscalYear, ownerPath, tx);
    const today = this.clock.today();
    for (const month of [...months].sort((a, b) => a - b)) {
      const problem = monthRecordingProblem(month, windows, today);
      if (problem !== null) throw new AppException(ErrorCode.MONITORING_WINDOW_CLOSED, problem, { month });
    }
  }

  /** A stored reopening as the API answers it (its organization must be given). */
  reopeningResponse(r: StoredReopening, organization: OrganizationEntity, today = this.clock.today()): MonitoringReopeningResponse {
    return {
      organization: organizationRef(organization),
      until: r.until,
      reason: r.reason,
      active: today <= r.until,
      reopenedBy: r.user_id ? { id: r.user_id, username: r.username ?? '', displayName: r.display_name ?? '' } : null,
      reopenedAt: new Date(r.reopened_at).toISOString(),
    };
  }

  private windowsOfYear(
    year: number,
    periods: readonly MonitoringPeriodEntity[],
    reopenings: readonly { stored: StoredReopening; organization: OrganizationEntity }[],
    today: string,
  ): MonitoringWindowResponse[] {
    return PERIODS_IN_YEAR_ORDER.flatMap((period) => {
      const p = periods.find((row) => row.fiscalYear === year && row.period === period);
      if (p === undefined) return [];
      return [{
        period,
        label: PERIOD_LABELS[period],
        opensOn: p.opensOn,
        closesOn: p.closesOn,
        state: windowState(p, today),
        reopenings: reopenings
          .filter(({ stored }) => stored.fiscal_year === year && stored.period === period)
          .map(({ stored, organization }) => this.reopeningResponse(stored, organization, today)),
      }];
    });
  }

  /** The reopenings of organizations in the caller's subtree, with their organization. */
  private async visibleReopenings(principal: Principal, stored: StoredReopening[], tx?: Tx): Promise<{ stored: StoredReopening; organization: OrganizationEntity }[]> {
    const organizations = new Map((await this.organizations.findByIds([...new Set(stored.map((r) => r.organization_id))], tx)).map((o) => [o.id, o]));
    return stored.flatMap((r) => {
      const organization = organizations.get(r.organization_id);
      return organization !== undefined && isInScope(principal, organization.path) ? [{ stored: r, organization }] : [];
    });
  }
}

/** 404: the year was never opened. */
export function notOpened(year: number): AppException {
  return new AppException(ErrorCode.FISCAL_YEAR_NOT_FOUND, `${year} 年度尚未开启`);
}
