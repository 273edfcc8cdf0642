import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { FiscalYearQuery } from '@jixiao/contracts';

/** `?fiscalYear=2024`: the 预算年度 a list or export is about. */
export class FiscalYearQueryDto implements FiscalYearQuery {
  @ApiProperty({ example: 2024 })
  @Type(() => Number)
  @IsInt({ message: 'fiscalYear 必须是整数年份' })
  @Min(2000, { message: 'fiscalYear 须在 2000 到 2100 之间' })
  @Max(2100, { message: 'fiscalYear 须在 2000 到 2100 之间' })
  fiscalYear: number;
}
