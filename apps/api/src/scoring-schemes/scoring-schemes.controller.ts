import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ScoringSchemeResponse, ScoringSchemeSummaryResponse, SheetKind } from '@jixiao/contracts';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { FiscalYearParamPipe } from '../core/dto/fiscal-year-param';
import { FiscalYearQueryDto } from '../core/dto/fiscal-year-query.dto';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { UpdateScoringSchemeDto } from './dto/update-scoring-scheme.dto';
import { SchemeEditingService, SHEET_KINDS } from './services/scheme-editing.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '财政局编号格式不正确（应为 UUID）') });
const year = new FiscalYearParamPipe();

function sheetKind(kind: string): SheetKind {
  if (!(SHEET_KINDS as readonly string[]).includes(kind)) throw new AppException(ErrorCode.VALIDATION_FAILED, '目标表类型须为 project（项目支出）或 department（部门整体支出）');
  return kind as SheetKind;
}

/** 评分方案 per finance bureau × fiscal year × kind of sheet (DESIGN §3). */
@ApiTags('scoring-schemes')
@ApiBearerAuth()
@Controller('scoring-schemes')
export class ScoringSchemesController {
  constructor(private readonly schemes: SchemeEditingService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'listScoringSchemes', summary: '评分方案：本人可见的各财政局、两类目标表的现行方案（未配置时为全国项目方案）' })
  list(@Query() query: FiscalYearQueryDto, @CurrentPrincipal() principal: Principal): Promise<ScoringSchemeSummaryResponse[]> {
    return this.schemes.list(principal, query.fiscalYear);
  }

  @Get(':bureauId/:fiscalYear/:kind')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getScoringScheme', summary: '一个评分方案的现行版本与历史版本' })
  get(
    @Param('bureauId', uuid) bureauId: string,
    @Param('fiscalYear', year) fiscalYear: number,
    @Param('kind') kind: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScoringSchemeResponse> {
    return this.schemes.get(principal, bureauId, fiscalYear, sheetKind(kind));
  }

  @Put(':bureauId/:fiscalYear/:kind')
  @Roles('finance_reviewer', 'admin')
  @ApiOperation({ operationId: 'updateScoringScheme', summary: '保存评分方案的新版本（方案内容、预设方案或复制）；分值合计须为 100（400 SCHEME_INVALID），他人已保存时 409' })
  update(
    @Param('bureauId', uuid) bureauId: string,
    @Param('fiscalYear', year) fiscalYear: number,
    @Param('kind') kind: string,
    @Body() dto: UpdateScoringSchemeDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<ScoringSchemeResponse> {
    return this.schemes.update(principal, bureauId, fiscalYear, sheetKind(kind), dto, request.correlationId ?? null);
  }
}
