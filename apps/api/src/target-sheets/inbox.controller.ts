import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InboxCountResponse, InboxResponse } from '@jixiao/contracts';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { InboxService } from './services/inbox.service';

/** 待我处理: what waits for the caller, inside the caller's subtree (a role that acts on no sheet gets an empty list). */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'listInbox', summary: '待我处理：等待本人操作的目标表（筛选、搜索、分页）/ sheets waiting for the caller' })
  list(@Query() query: InboxQueryDto, @CurrentPrincipal() principal: Principal): Promise<InboxResponse> {
    return this.inbox.list(principal, query);
  }

  @Get('count')
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'countInbox', summary: '待我处理的数量（导航角标）/ how many sheets wait for the caller' })
  count(@CurrentPrincipal() principal: Principal): Promise<InboxCountResponse> {
    return this.inbox.count(principal);
  }
}
