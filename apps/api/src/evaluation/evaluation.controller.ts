import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EvaluationResponse, FinanceOverviewResponse } from '@jixiao/contracts';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { FiscalYearQueryDto } from '../core/dto/fiscal-year-query.dto';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { OverrideScoreDto } from './dto/override-score.dto';
import { StartEvaluationRunDto } from './dto/start-evaluation-run.dto';
import { EvaluationReaderService } from './services/evaluation-reader.service';
import { EvaluationRunsService } from './services/evaluation-runs.service';
import { FinanceOverviewService } from './services/finance-overview.service';
import { EVALUATORS, SCORE_OVERRIDERS, SheetEvaluationService } from './services/sheet-evaluation.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '编号格式不正确（应为 UUID）/ id must be a UUID'),
});

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationController {
  constructor(
    private readonly evaluations: SheetEvaluationService,
    private readonly reader: EvaluationReaderService,
    private readonly runs: EvaluationRunsService,
    private readonly overviewService: FinanceOverviewService,
  ) {}

  @Post('target-sheets/:id/evaluation')
  @HttpCode(200)
  @Roles(...EVALUATORS)
  @ApiOperation({ operationId: 'evaluateTargetSheet', summary: '计算自评得分（已批准的目标表）/ evaluate a sheet now; 422 EVALUATION_BLOCKED when the rules cannot score it' })
  evaluate(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<EvaluationResponse> {
    return this.evaluations.evaluate(principal, id, request.correlationId ?? null);
  }

  @Get('target-sheets/:id/evaluation')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getEvaluation', summary: '自评结果（每个数字附计算过程）/ the stored evaluation of a sheet' })
  getEvaluation(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<EvaluationResponse> {
    return this.reader.get(principal, id);
  }

  @Put('target-sheets/:id/evaluation/overrides/:indicatorId')
  @Roles(...SCORE_OVERRIDERS)
  @ApiOperation({ operationId: 'overrideIndicatorScore', summary: '评价人调整指标得分（须写明理由；score 为 null 时取消）/ override a score with a reason' })
  override(
    @Param('id', uuid) id: string,
    @Param('indicatorId', uuid) indicatorId: string,
    @Body() dto: OverrideScoreDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<EvaluationResponse> {
    return this.evaluations.override(principal, id, indicatorId, dto, request.correlationId ?? null);
  }

  @Post('evaluation-runs')
  @HttpCode(202)
  @Roles('department_reviewer', 'finance_reviewer', 'admin')
  @ApiOperation({ operationId: 'startEvaluationRun', summary: '后台评价本地区全部已批准目标表（进度见 /api/jobs/:id）/ evaluate a region as a job' })
  startRun(@Body() dto: StartEvaluationRunDto, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<{ jobId: string }> {
    return this.runs.start(principal, dto, request.correlationId ?? null);
  }

  @Get('overview')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getFinanceOverview', summary: '结果应用总览：各部门执行、得分、等级与未完成指标 / execution, scores and unmet targets per department' })
  overview(@Query() query: FiscalYearQueryDto, @CurrentPrincipal() principal: Principal): Promise<FinanceOverviewResponse> {
    return this.overviewService.overview(principal, query.fiscalYear);
  }
}
