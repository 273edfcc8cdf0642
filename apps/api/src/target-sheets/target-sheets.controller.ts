import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventResponse, DepartmentListItemResponse, FiscalYearResponse, ProjectListItemResponse, TargetSheetResponse } from '@jixiao/contracts';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { ListDepartmentsQueryDto, ListProjectsQueryDto } from './dto/list-query.dto';
import { UpdateTargetSheetDto } from './dto/update-target-sheet.dto';
import { CreateProjectDto } from './dto/create-project.dto';
import { ProjectCreationService } from './services/project-creation.service';
import { TransitionDto } from './dto/transition.dto';
import { SheetWorkflowService } from './services/sheet-workflow.service';
import { SheetEditorService } from './services/sheet-editor.service';
import { SheetListingService } from './services/sheet-listing.service';
import { SheetReaderService } from './services/sheet-reader.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '编号格式不正确（应为 UUID）/ id must be a UUID'),
});

@ApiTags('target-sheets')
@ApiBearerAuth()
@Controller()
export class TargetSheetsController {
  constructor(
    private readonly listing: SheetListingService,
    private readonly reader: SheetReaderService,
    private readonly editor: SheetEditorService,
    private readonly workflow: SheetWorkflowService,
    private readonly projects: ProjectCreationService,
  ) {}

  @Get('fiscal-years')
  @Roles(...ALL_ROLES)
  @ApiTags('fiscal-years')
  @ApiOperation({ operationId: 'listFiscalYears', summary: '已开启的预算年度（新的在前）及各监控期填报时间 / opened years with their monitoring windows' })
  listFiscalYears(@CurrentPrincipal() principal: Principal): Promise<FiscalYearResponse[]> {
    return this.listing.listFiscalYears(principal);
  }

  @Get('departments')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'listDepartments', summary: '部门列表（本人可见范围）/ departments of a year' })
  listDepartments(@Query() query: ListDepartmentsQueryDto, @CurrentPrincipal() principal: Principal): Promise<DepartmentListItemResponse[]> {
    return this.listing.listDepartments(principal, query.fiscalYear);
  }

  @Get('projects')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'listProjects', summary: '预算项目列表 / projects of a year' })
  listProjects(@Query() query: ListProjectsQueryDto, @CurrentPrincipal() principal: Principal): Promise<ProjectListItemResponse[]> {
    return this.listing.listProjects(principal, query.fiscalYear, query.departmentId);
  }

  @Post('projects')
  @HttpCode(201)
  @Roles('unit_editor', 'admin')
  @ApiOperation({ operationId: 'createProject', summary: '新建预算项目（含空白目标表）/ create a project with a draft sheet' })
  createProject(@Body() dto: CreateProjectDto, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<TargetSheetResponse> {
    return this.projects.create(principal, dto, request.correlationId ?? null);
  }

  @Put('target-sheets/:id')
  @Roles('unit_editor', 'department_reviewer', 'admin')
  @ApiOperation({ operationId: 'updateTargetSheet', summary: '保存目标表（绩效目标、指标、支出计划）/ save a sheet; 409 when someone saved in between' })
  updateTargetSheet(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateTargetSheetDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<TargetSheetResponse> {
    return this.editor.update(principal, id, dto, request.correlationId ?? null);
  }

  @Post('target-sheets/:id/transitions')
  @HttpCode(200)
  @Roles('unit_editor', 'department_reviewer', 'finance_reviewer', 'admin')
  @ApiOperation({ operationId: 'transitionTargetSheet', summary: '提交 / 审核通过 / 批准 / 退回 / 发起调整 / move a sheet through its workflow' })
  transitionTargetSheet(
    @Param('id', uuid) id: string,
    @Body() dto: TransitionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<TargetSheetResponse> {
    return this.workflow.transition(principal, id, dto, request.correlationId ?? null);
  }

  @Get('target-sheets/:id/diff')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'diffTargetSheet', summary: '与上一版本的差异 / changes against the previous version' })
  diffTargetSheet(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return this.workflow.diffToPrevious(principal, id);
  }

  @Get('target-sheets/:id/audit')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getTargetSheetAudit', summary: '目标表操作日志 / who changed the sheet, when, before and after' })
  getTargetSheetAudit(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<AuditEventResponse[]> {
    return this.reader.audit(principal, id);
  }

  @Get('target-sheets/:id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'getTargetSheet', summary: '绩效目标表（含指标树与支出计划）/ a target sheet' })
  getTargetSheet(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<TargetSheetResponse> {
    return this.reader.get(principal, id);
  }
}
