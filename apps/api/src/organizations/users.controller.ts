import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventResponse, OneTimePasswordResponse, UserResponse } from '@jixiao/contracts';
import { ADMINISTRATORS, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserAdminService } from './services/user-admin.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '用户编号格式不正确（应为 UUID）') });

type WithCorrelation = { correlationId?: string };

/** 用户管理 (系统管理员: every account; 管理员: the accounts of its finance bureau's subtree). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles(...ADMINISTRATORS)
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: '用户列表（本人管理范围；按用户名或姓名搜索）' })
  list(@Query() query: ListUsersQueryDto, @CurrentPrincipal() principal: Principal): Promise<UserResponse[]> {
    return this.users.list(principal, query);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'createUser', summary: '新建用户，答复一次性密码（仅显示一次，首次登录须修改）；用户名重复 409' })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<OneTimePasswordResponse> {
    return this.users.create(principal, dto, request.correlationId ?? null);
  }

  @Get(':id/audit')
  @ApiOperation({ operationId: 'listUserAudit', summary: '该用户的操作记录（新建、修改、停用、重置密码…），新的在前' })
  history(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<AuditEventResponse[]> {
    return this.users.history(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateUser', summary: '修改姓名、角色、所属组织（角色须与组织类型相符）' })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<UserResponse> {
    return this.users.update(principal, id, dto, request.correlationId ?? null);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'deactivateUser', summary: '停用用户（不能再登录，已登录的会话失效；最后一个系统管理员 409）' })
  deactivate(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<UserResponse> {
    return this.users.deactivate(principal, id, request.correlationId ?? null);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'activateUser', summary: '重新启用用户' })
  activate(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<UserResponse> {
    return this.users.activate(principal, id, request.correlationId ?? null);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ operationId: 'resetUserPassword', summary: '重置密码为一次性密码（仅显示一次；下次登录须修改；解除登录锁定）' })
  resetPassword(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal, @Req() request: WithCorrelation): Promise<OneTimePasswordResponse> {
    return this.users.resetPassword(principal, id, request.correlationId ?? null);
  }
}
