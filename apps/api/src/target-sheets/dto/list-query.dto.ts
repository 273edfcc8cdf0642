import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';
import type { ListDepartmentsQuery, ListProjectsQuery } from '@jixiao/contracts';

export class ListDepartmentsQueryDto extends FiscalYearQueryDto implements ListDepartmentsQuery {}

export class ListProjectsQueryDto extends FiscalYearQueryDto implements ListProjectsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId 必须是部门编号（UUID）' })
  departmentId?: string;
}
