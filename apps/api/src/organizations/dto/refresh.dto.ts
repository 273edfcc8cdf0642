import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { RefreshRequest } from '@jixiao/contracts';

/** 续期: the refresh token of the login answer (43 characters of base64url). */
export class RefreshDto implements RefreshRequest {
  @ApiProperty({ description: '登录或上次续期答复的 refreshToken（只能使用一次）', minLength: 43, maxLength: 43 })
  @IsString({ message: '续期令牌必须是文字' })
  @MinLength(43, { message: '续期令牌格式不正确' })
  @MaxLength(43, { message: '续期令牌格式不正确' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: '续期令牌格式不正确' })
  refreshToken: string;
}
