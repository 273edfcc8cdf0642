import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventResponse, OrganizationNodeResponse } from '@jixiao/contracts';
import { ADMINISTRATORS, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { MoveOrganizationDto } from './dto/move-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationAdminService } from './services/organization-admin.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '组织编号格式不正确（应为 UUID）') });

type WithCorrelation = { correlationId?: string };

/** 组织机构管理 (系统管理员: the whole tree; 管理员: its finance bureau's subtree). */
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
@Roles(...ADMINISTRATORS)
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationAdminService) {}

  @Get()
  @ApiOperation({ operationId: 'listOrganizations', summary: '组织机构树（本人管理范围，含已停用）' })
  list(@CurrentPrincipal() principal: Principal): Promise<OrganizationNodeResponse[]> {
    return this.organizations.tree(principal);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'createOrganization', summary: '新建组织机构：财政局（仅系统管理员）、部门、单位；同一上级下名称和代码不能重复（409）' })
  create(@Body() dto: CreateOrganizationDto, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<OrganizationNodeResponse> {
    return this.organizations.create(principal, dto, request.correlationId ?? null);
  }

  @Get(':id/audit')
  @ApiOperation({ operationId: 'listOrganizationAudit', summary: '该组织机构的操作记录，新的在前' })
  history(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<AuditEventResponse[]> {
    return this.organizations.history(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateOrganization', summary: '重命名或修改代码' })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateOrganizationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: WithCorrelation,
  ): Promise<OrganizationNodeResponse> {
    return this.organizations.update(principal, id, dto, request.correlationId ?? null);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ operationId: 'moveOrganization', summary: '移到另一上级之下（不能移到自身或下级之下：400）' })
  move(@Param('id', uuid) id: string, @Body() dto: MoveOrganizationDto, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<OrganizationNodeResponse> {
    return this.organizations.move(principal, id, dto, request.correlationId ?? null);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'deactivateOrganization', summary: '停用（连同下级；仍有启用的用户时 409）' })
  deactivate(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<OrganizationNodeResponse> {
    return this.organizations.deactivate(principal, id, request.correlationId ?? null);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'activateOrganization', summary: '重新启用（连同下级）' })
  activate(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<OrganizationNodeResponse> {
    return this.organizations.activate(principal, id, request.correlationId ?? null);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteOrganization', summary: '删除误建的组织机构（已有下级、用户或数据时 409：只能停用）' })
  async remove(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<void> {
    await this.organizations.remove(principal, id, request.correlationId ?? null);
  }
}
