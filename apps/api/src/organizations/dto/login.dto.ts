import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest } from '@jixiao/contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'hanyin.editor' })
  @IsString({ message: '用户名必须是文字' })
  @MinLength(1, { message: '请填写用户名' })
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'jixiao-demo' })
  @IsString({ message: '密码必须是文字' })
  @MinLength(1, { message: '请填写密码' })
  @MaxLength(200)
  password: string;
}
