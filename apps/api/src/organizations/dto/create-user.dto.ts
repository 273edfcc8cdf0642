import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type CreateUserRequest, type Role } from '@jixiao/contracts';

export const USERNAME_PATTERN = /^\s*[A-Za-z0-9._-]{3,64}\s*$/;
export const USERNAME_MESSAGE = '用户名须为 3–64 个英文字母、数字或 . _ -（不区分大小写）';

/** 新建用户. */
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'hanyin.zhangming' })
  @IsString({ message: USERNAME_MESSAGE })
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: '张明' })
  @IsString({ message: '姓名必须是文字' })
  @Matches(/\S/, { message: '请填写姓名' })
  @MaxLength(100, { message: '姓名不能超过 100 个字' })
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES, { message: '角色不正确' })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, description: '所属组织；仅系统管理员为 null' })
  @ValidateIf((o: CreateUserDto) => o.organizationId !== null)
  @IsUUID('all', { message: 'organizationId 必须是组织编号（UUID），系统管理员为 null' })
  organizationId: string | null;
}
