import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { FiscalYearService } from './fiscal-year.service';

@ApiTags('fiscal-years')
@ApiBearerAuth()
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly fiscalYears: FiscalYearService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ operationId: 'listFiscalYears', summary: '有数据的预算年度（新的在前）/ years with data visible to the caller' })
  list(@CurrentPrincipal() principal: Principal): Promise<number[]> {
    return this.fiscalYears.listVisible(principal);
  }
}
