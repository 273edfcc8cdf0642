import { Body, Controller, Get, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUserResponse, LoginResponse } from '@jixiao/contracts';
import { ALL_ROLES, AllowsPendingPasswordChange, CurrentPrincipal, Public, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { AuthService } from './services/auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: '登录：连续 5 次失败锁定账号 15 分钟，同一网络地址 15 分钟内失败 30 次也须等待（429 LOGIN_THROTTLED）',
  })
  login(@Body() dto: LoginDto, @Ip() address: string, @Req() request: { correlationId?: string }): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, address, request.correlationId);
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
  @ApiOperation({ operationId: 'changePassword', summary: '修改本人密码（当前密码 + 符合密码规则的新密码）；答复新的令牌，其他会话失效' })
  changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Ip() address: string,
    @Req() request: { correlationId?: string },
  ): Promise<LoginResponse> {
    return this.auth.changePassword(principal, dto, address, request.correlationId);
  }
}
