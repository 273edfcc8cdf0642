import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';
import type { StartEvaluationRunRequest } from '@jixiao/contracts';

export class StartEvaluationRunDto extends FiscalYearQueryDto implements StartEvaluationRunRequest {
  @ApiPropertyOptional({ format: 'uuid', description: '评价范围（财政局或部门）；默认本人所在机构，管理员必填' })
  @IsOptional()
  @IsUUID('all', { message: '机构编号格式不正确' })
  organizationId?: string;
}
