import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { TargetTemplateQuery } from '@jixiao/contracts';

/** `?fiscalYear=2024` (optional): the year printed under the template's title. */
export class TemplateQueryDto implements TargetTemplateQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'fiscalYear 必须是整数年份' })
  @Min(2000, { message: 'fiscalYear 须在 2000 到 2100 之间' })
  @Max(2100, { message: 'fiscalYear 须在 2000 到 2100 之间' })
  fiscalYear?: number;
}
