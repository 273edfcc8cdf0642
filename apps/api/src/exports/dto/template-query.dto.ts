import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryFiscalYear } from '../../core/dto/fiscal-year';
import type { TargetTemplateQuery } from '@jixiao/contracts';

/** `?fiscalYear=2024` (optional): the year printed under the template's title. */
export class TemplateQueryDto implements TargetTemplateQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @IsQueryFiscalYear()
  fiscalYear?: number;
}
