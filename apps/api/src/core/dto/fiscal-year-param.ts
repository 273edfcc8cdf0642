import { Injectable, PipeTransform } from '@nestjs/common';
import { AppException, ErrorCode } from '../errors/error-codes';

/** The years every fiscalYear field accepts (FiscalYearQueryDto). */
export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;

/**
 * A fiscal year in a path (`/fiscal-years/2025/windows`): four digits, 2000–2100 like every
 * fiscalYear field, else 400 naming it. ParseIntPipe let any integer through, and one past
 * PostgreSQL's integer reached a query (500).
 */
@Injectable()
export class FiscalYearParamPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    // the global ValidationPipe has already made a number of it (a path parameter typed `number`)
    const year = typeof value === 'number' ? value : /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(Number.isInteger(year) && year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR)) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, `预算年度须为 ${MIN_FISCAL_YEAR} 到 ${MAX_FISCAL_YEAR} 之间的整数年份，如 2025 / fiscal year in the path must be ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`);
    }
    return year;
  }
}
