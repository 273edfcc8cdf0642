import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { MonitoringOverviewResponse, SheetExecutionResponse } from '@jixiao/contracts';
import { Period, PERIODS } from '@jixiao/domain';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { MonitoringQueryDto } from './dto/monitoring-query.dto';
import { UpdateActualsDto } from './dto/update-actuals.dto';
import { FiscalYearQueryDto } from '../core/dto/fiscal-year-query.dto';
import { UpdateBasicExpendituresDto } from './dto/update-basic-expenditures.dto';
import { UpdateExpendituresDto } from './dto/update-expenditures.dto';
import { BasicSpendingRecorderService } from './services/basic-spending-recorder.service';
import { BASIC_SPENDING_RECORDERS, EXECUTION_RECORDERS } from './services/execution-access';
import { ExecutionReaderService } from './services/execution-reader.service';
import { ExecutionRecorderService } from './services/execution-recorder.service';
import { MonitoringOverviewService } from './services/monitoring-overview.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '编号格式不正确（应为 UUID）/ id must be a UUID'),
});

function period(value: string): Period {
  if (!(PERIODS as readonly string[]).includes(value)) {
    throw new AppException(ErrorCode.VALIDATION_FAILED, `监控期“${value}”不存在，应为 Q1、Q2、Q3、Q4、M7、M9 或 Y / unknown period`);
  }
  return value as Period;
}

@ApiTags('execution')
@ApiBearerAuth()
@Controller()
export class ExecutionController {
  constructor(
    private readonly reader: ExecutionReaderService,
    private readonly recorder: ExecutionRecorderService,
    private readonly monitoring: MonitoringOverviewService,
    private readonly basicSpending: BasicSpendingRecorderService,
  ) {}

  @Get('target-sheets/:id/execution')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getSheetExecution', summary: '执行监控：支出、实际完成值与红黄绿灯 / spending, actuals and lights of a sheet' })
  getExecution(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<SheetExecutionResponse> {
    return this.reader.get(principal, id);
  }

  @Put('target-sheets/:id/expenditures')
  @Roles(...EXECUTION_RECORDERS)
  @ApiOperation({ operationId: 'updateExpenditures', summary: '录入各月支出（整体替换；仅已批准的项目目标表）/ record monthly spending' })
  updateExpenditures(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateExpendituresDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<SheetExecutionResponse> {
    return this.recorder.updateExpenditures(principal, id, dto, request.correlationId ?? null);
  }

  @Put('departments/:id/basic-expenditures')
  @Roles(...BASIC_SPENDING_RECORDERS)
  @ApiOperation({
    operationId: 'updateBasicExpenditures',
    summary: '录入部门各月基本支出（整体替换；部门整体绩效目标表已批准）/ record a department\'s monthly basic spending',
  })
  updateBasicExpenditures(
    @Param('id', uuid) id: string,
    @Query() query: FiscalYearQueryDto,
    @Body() dto: UpdateBasicExpendituresDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<SheetExecutionResponse> {
    return this.basicSpending.update(principal, id, query.fiscalYear, dto, request.correlationId ?? null);
  }

  @Put('target-sheets/:id/actuals/:period')
  @Roles(...EXECUTION_RECORDERS)
  @ApiParam({ name: 'period', enum: PERIODS })
  @ApiOperation({ operationId: 'updateActuals', summary: '录入某监控期的实际完成值、预计值、偏差原因与措施 / record actuals of a period' })
  updateActuals(
    @Param('id', uuid) id: string,
    @Param('period') periodParam: string,
    @Body() dto: UpdateActualsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<SheetExecutionResponse> {
    return this.recorder.updateActuals(principal, id, period(periodParam), dto, request.correlationId ?? null);
  }

  @Get('monitoring')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getMonitoringOverview', summary: '监控总览：按财政局、部门汇总的红黄绿灯 / lights rolled up' })
  getMonitoring(@Query() query: MonitoringQueryDto, @CurrentPrincipal() principal: Principal): Promise<MonitoringOverviewResponse> {
    return this.monitoring.overview(principal, query.fiscalYear, query.period);
  }
}
