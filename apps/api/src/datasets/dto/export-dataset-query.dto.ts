import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class ExportDatasetQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'departmentId 必须是部门编号（UUID）' })
  departmentId: string;

  @ApiProperty({ example: 2024 })
  @Type(() => Number)
  @IsInt({ message: 'fiscalYear 必须是整数年份' })
  @Min(2000, { message: 'fiscalYear 须在 2000 到 2100 之间' })
  @Max(2100, { message: 'fiscalYear 须在 2000 到 2100 之间' })
  fiscalYear: number;
}
