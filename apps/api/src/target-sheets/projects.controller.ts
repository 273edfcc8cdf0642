import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TargetSheetResponse } from '@jixiao/contracts';
import { CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { RollOverDto, UpdateProjectDto } from './dto/update-project.dto';
import { ProjectHeaderService } from './services/project-header.service';
import { RollOverService } from './services/roll-over.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '编号格式不正确（应为 UUID）') });

/** A project's header (修改项目信息), deleting a never-submitted draft (删除草稿), and 结转 to a later year. */
@ApiTags('target-sheets')
@ApiBearerAuth()
@Controller()
export class ProjectsController {
  constructor(
    private readonly headers: ProjectHeaderService,
    private readonly rollOvers: RollOverService,
  ) {}

  @Patch('projects/:id')
  @Roles('unit_editor', 'admin')
  @ApiOperation({ operationId: 'updateProject', summary: '修改项目信息（名称、编码、类别、资金、用途；目标表为第 1 版草稿或已退回时）/ edit a draft project’s header' })
  updateProject(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateProjectDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<TargetSheetResponse> {
    return this.headers.update(principal, id, dto, request.correlationId ?? null);
  }

  @Delete('projects/:id')
  @HttpCode(204)
  @Roles('unit_editor', 'admin')
  @ApiOperation({ operationId: 'deleteProject', summary: '删除从未提交过的草稿项目（含目标表）/ delete a never-submitted draft project' })
  async deleteProject(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<void> {
    await this.headers.delete(principal, id, request.correlationId ?? null);
  }

  @Post('target-sheets/:id/roll-over')
  @HttpCode(201)
  @Roles('unit_editor', 'department_reviewer', 'admin')
  @ApiOperation({ operationId: 'rollOverTargetSheet', summary: '结转到以后的预算年度：以本表为基础新建草稿，指标保留上年指标值与实际完成值供参考 / start a later year’s sheet from this one' })
  rollOver(
    @Param('id', uuid) id: string,
    @Body() dto: RollOverDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: { correlationId?: string },
  ): Promise<TargetSheetResponse> {
    return this.rollOvers.rollOver(principal, id, dto, request.correlationId ?? null);
  }
}
