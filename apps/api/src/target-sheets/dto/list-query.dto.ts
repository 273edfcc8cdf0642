import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';

export class ListDepartmentsQueryDto extends FiscalYearQueryDto {}

export class ListProjectsQueryDto extends FiscalYearQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId 必须是部门编号（UUID）' })
  departmentId?: string;
}
