import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsQueryFiscalYear } from '../../core/dto/fiscal-year';
import type { InboxQuery, SheetStatus } from '@jixiao/contracts';
import { SHEET_STATUSES } from '@jixiao/domain';

/** GET /api/inbox: every filter optional. */
export class InboxQueryDto implements InboxQuery {
  @ApiPropertyOptional({ enum: SHEET_STATUSES })
  @IsOptional()
  @IsIn(SHEET_STATUSES, { message: 'status 须为 draft、submitted、department_approved、approved 或 returned' })
  status?: SheetStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId 必须是部门编号（UUID）' })
  departmentId?: string;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @IsQueryFiscalYear()
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '项目名称或编码中的文字' })
  @IsOptional()
  @IsString({ message: 'q 须为文字' })
  @MaxLength(100, { message: 'q 最多 100 个字' })
  q?: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 须为 1 到 100000 之间的整数' })
  @Min(1, { message: 'page 须为 1 到 100000 之间的整数' })
  @Max(100_000, { message: 'page 须为 1 到 100000 之间的整数' })
  page?: number;

  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 须为 1 到 100 之间的整数' })
  @Min(1, { message: 'pageSize 须为 1 到 100 之间的整数' })
  @Max(100, { message: 'pageSize 须为 1 到 100 之间的整数' })
  pageSize?: number;
}
