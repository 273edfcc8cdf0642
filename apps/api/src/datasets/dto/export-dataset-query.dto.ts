import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';
import type { ExportDatasetQuery } from '@jixiao/contracts';

export class ExportDatasetQueryDto extends FiscalYearQueryDto implements ExportDatasetQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'departmentId 必须是部门编号（UUID）' })
  departmentId: string;
}
