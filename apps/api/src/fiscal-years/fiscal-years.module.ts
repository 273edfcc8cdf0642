import { Module } from '@nestjs/common';
import { FiscalYearService } from './fiscal-year.service';
import { FiscalYearRepository } from './persistence/fiscal-year.repository';

/**
 * 预算年度: the monitoring rounds of each year (its scoring schemes: the scoring-schemes context). (The years with sheets a caller may see
 * are a listing of target sheets: GET /fiscal-years is served by the target-sheets context.)
 */
@Module({
  providers: [FiscalYearRepository, FiscalYearService],
  exports: [FiscalYearService],
})
export class FiscalYearsModule {}
