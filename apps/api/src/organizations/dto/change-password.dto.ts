import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ChangePasswordRequest } from '@jixiao/contracts';

/** 修改密码: the current one, and the new one (the policy's reasons come from the service). */
export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString({ message: '请填写当前密码' })
  @MinLength(1, { message: '请填写当前密码' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty()
  @IsString({ message: '请填写新密码' })
  @MinLength(1, { message: '请填写新密码' })
  @MaxLength(200, { message: '新密码过长' })
  newPassword: string;
}
