import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';

export class ExportDatasetQueryDto extends FiscalYearQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'departmentId 必须是部门编号（UUID）' })
  departmentId: string;
}
