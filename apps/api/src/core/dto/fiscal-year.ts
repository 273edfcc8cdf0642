import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** A 预算年度 given in a query string: a whole year from 2000 to 2100 (one rule for every query that takes one). */
export function IsQueryFiscalYear(): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt({ message: 'fiscalYear 必须是整数年份' }),
    Min(2000, { message: 'fiscalYear 须在 2000 到 2100 之间' }),
    Max(2100, { message: 'fiscalYear 须在 2000 到 2100 之间' }),
  );
}
