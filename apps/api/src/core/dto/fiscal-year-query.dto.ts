import { ApiProperty } from '@nestjs/swagger';
import { IsQueryFiscalYear } from './fiscal-year';
import type { FiscalYearQuery } from '@jixiao/contracts';

/** `?fiscalYear=2024`: the 预算年度 a list or export is about. */
export class FiscalYearQueryDto implements FiscalYearQuery {
  @ApiProperty({ example: 2024 })
  @IsQueryFiscalYear()
  fiscalYear: number;
}
