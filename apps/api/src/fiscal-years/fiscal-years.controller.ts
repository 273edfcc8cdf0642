import { Body, Controller, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FiscalYearCalendarResponse, FiscalYearResponse, MonitoringReopeningResponse } from '@jixiao/contracts';
import { PERIODS } from '@jixiao/domain';
import { CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { FiscalYearParamPipe } from '../core/dto/fiscal-year-param';
import { OpenFiscalYearDto, ReopenWindowDto, UpdateMonitoringWindowsDto } from './dto/fiscal-year-windows.dto';
import { YearCalendarService } from './services/year-calendar.service';

const yearParam = new FiscalYearParamPipe();

/**
 * 预算年度与填报时间. The windows hold for every region, so opening a year and editing its windows is
 * the system administrator's; finance reopens a round for organizations of its own region.
 * (GET /fiscal-years, the years with their windows, is served by target-sheets: it also says whether
 * the caller has sheets in each year.)
 */
@ApiTags('fiscal-years')
@ApiBearerAuth()
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly calendar: YearCalendarService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ operationId: 'openFiscalYear', summary: '开启预算年度及各监控期填报时间（不填则按全国通行安排）/ open a fiscal year' })
  async open(@Body() dto: OpenFiscalYearDto, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<FiscalYearResponse> {
    return { ...(await this.calendar.open(principal, dto, request.correlationId ?? null)), hasSheets: false, hasSheetsInEffect: false };
  }

  @Put(':year/windows')
  @Roles('admin')
  @ApiOperation({ operationId: 'updateMonitoringWindows', summary: '修改各监控期填报时间 / set the monitoring windows of a year' })
  async updateWindows(
    @Param('year', yearParam) year: number,
    @Body() dto: UpdateMonitoringWindowsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<FiscalYearCalendarResponse> {
    return this.calendar.updateWindows(principal, year, dto, request.correlationId ?? null);
  }

  @Post(':year/windows/:period/reopenings')
  @HttpCode(201)
  @Roles('finance_reviewer', 'admin')
  @ApiParam({ name: 'period', enum: PERIODS })
  @ApiOperation({ operationId: 'reopenMonitoringWindow', summary: '为某单位（或部门、本地区）重新开放某监控期的填报，至指定日期 / reopen a round for an organization' })
  reopen(
    @Param('year', yearParam) year: number,
    @Param('period') period: string,
    @Body() dto: ReopenWindowDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<MonitoringReopeningResponse> {
    return this.calendar.reopen(principal, year, period, dto, request.correlationId ?? null);
  }
}
