import { Module } from '@nestjs/common';
import { FiscalYearService } from './fiscal-year.service';
import { FiscalYearsController } from './fiscal-years.controller';

/** 预算年度: scoring scheme and monitoring rounds of each year. */
@Module({
  controllers: [FiscalYearsController],
  providers: [FiscalYearService],
  exports: [FiscalYearService],
})
export class FiscalYearsModule {}
