import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUserResponse, LoginResponse } from '@jixiao/contracts';
import { ALL_ROLES, Public, Roles } from '../core/auth/auth.decorators';
import { LoginDto } from './dto/login.dto';
import { AuthService } from './services/auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: '登录 / log in' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'me', summary: '当前用户 / the calling user' })
  me(@Req() request: { currentUser: CurrentUserResponse }): CurrentUserResponse {
    return request.currentUser;
  }
}
