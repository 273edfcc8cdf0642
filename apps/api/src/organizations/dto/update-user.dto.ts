import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role, type UpdateUserRequest } from '@jixiao/contracts';

/** 修改用户: name, role, organization. */
export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ example: '张明' })
  @IsOptional()
  @IsString({ message: '姓名必须是文字' })
  @Matches(/\S/, { message: '姓名不能为空' })
  @MaxLength(100, { message: '姓名不能超过 100 个字' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES, { message: '角色不正确' })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((o: UpdateUserDto) => o.organizationId !== undefined && o.organizationId !== null)
  @IsUUID('all', { message: 'organizationId 必须是组织编号（UUID），系统管理员为 null' })
  organizationId?: string | null;
}
