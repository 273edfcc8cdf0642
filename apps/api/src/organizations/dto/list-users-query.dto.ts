import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ListUsersQuery } from '@jixiao/contracts';

/** GET /api/users?q=&organizationId=&includeInactive=true */
export class ListUsersQueryDto implements ListUsersQuery {
  @ApiPropertyOptional({ description: '用户名或姓名的一部分' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '搜索文字不能超过 100 个字' })
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '该组织及其下级' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId 必须是组织编号（UUID）' })
  organizationId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  includeInactive?: boolean;
}
