import { Body, Controller, Get, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUserResponse, LoginResponse } from '@jixiao/contracts';
import { ALL_ROLES, AllowsPendingPasswordChange, CurrentPrincipal, Public, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { AuthService } from './services/auth.service';
import { SessionService } from './services/session.service';

interface ClientRequest {
  correlationId?: string;
  headers: Record<string, string | string[] | undefined>;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: '登录：答复短期访问令牌和续期令牌；连续 5 次失败锁定账号 15 分钟，同一网络地址 15 分钟内失败 30 次也须等待（429 LOGIN_THROTTLED）',
  })
  login(@Body() dto: LoginDto, @Ip() address: string, @Req() request: ClientRequest): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, { ip: address, userAgent: userAgentOf(request) }, request.correlationId);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'refresh',
    summary: '续期：用续期令牌换新的访问令牌和新的续期令牌（旧的随即作废；已用过的令牌再次使用将结束本次登录，401 REFRESH_TOKEN_REUSED）',
  })
  refresh(@Body() dto: RefreshDto, @Req() request: ClientRequest): Promise<LoginResponse> {
    return this.sessions.refresh(dto.refreshToken, request.correlationId);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @AllowsPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'logout', summary: '退出：结束本次登录，访问令牌和续期令牌立即失效' })
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.logout(principal);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @AllowsPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'me', summary: '当前用户 / the calling user' })
  me(@Req() request: { currentUser: CurrentUserResponse }): CurrentUserResponse {
    return request.currentUser;
  }

  @Post('password')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @AllowsPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'changePassword', summary: '修改本人密码（当前密码 + 符合密码规则的新密码）；答复本次登录的新令牌，其他登录会话立即结束' })
  changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Ip() address: string,
    @Req() request: { correlationId?: string },
  ): Promise<LoginResponse> {
    return this.auth.changePassword(principal, dto, address, request.correlationId);
  }
}

/** The client's User-Agent, cut to what login_sessions keeps. */
function userAgentOf(request: ClientRequest): string | null {
  const value = request.headers['user-agent'];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text.slice(0, 300) : null;
}
